#!/usr/bin/env node
// Compiles src/ (TypeScript) to JavaScript in build/, so the CLI and `npm start` run plain
// JavaScript instead of transpiling at every start. Run by `npm install` (prepare) and checked at every start:
// a signature of the sources' paths, sizes and modification times is kept in build/stamp.json, and any
// difference (an edit, a pulled update, a switched branch) recompiles before the program loads.
// The programs keep their paths (src/node/cli/main.ts -> build/node/cli/main.js); shared code lands in
// build/chunks/, so code finds the project's files from projectRoot(), never relative to its own file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'src');
const outDir = path.join(root, 'build');
const stampFile = path.join(outDir, 'stamp.json');
const lockDir = path.join(root, 'build.lock');
const self = fileURLToPath(import.meta.url);

/** Sources that end up in build/: every .ts under src/ except tests. */
function sources(dir = srcDir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) sources(p, out);
		else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(p);
	}
	return out;
}

/** Paths, sizes and mtimes of the sources and of this script: cheap (no file is read), and any edit changes it. */
function signature(files) {
	const hash = crypto.createHash('sha256');
	for (const f of [self, ...files]) {
		const st = fs.statSync(f);
		hash.update(`${path.relative(root, f)}\0${st.size}\0${st.mtimeMs}\n`);
	}
	return hash.digest('hex');
}

function stampedSignature() {
	try {
		return JSON.parse(fs.readFileSync(stampFile, 'utf8')).signature;
	} catch {
		return null;
	}
}

/** The programs: the CLI, each of its commands (loaded by name) and the model process. */
function entryPoints() {
	const commands = path.join(srcDir, 'node', 'cli', 'commands');
	return [
		path.join(srcDir, 'node', 'cli', 'main.ts'),
		path.join(srcDir, 'node', 'inference', 'process', 'modelProcessMain.ts'),
		...fs
			.readdirSync(commands)
			.filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
			.map((f) => path.join(commands, f)),
	];
}

async function compile(sig) {
	// esbuild is loaded only here: a start with an up-to-date build never pays for it.
	const { build } = await import('esbuild');
	// Bundled, since Node loads a few large files much faster than two hundred small ones; split at every
	// dynamic import, so what a command loads on first use (PDF writers, the receiver) stays out of its start.
	const result = await build({
		entryPoints: entryPoints(),
		outdir: outDir,
		outbase: srcDir,
		chunkNames: 'chunks/[name]-[hash]',
		bundle: true,
		splitting: true,
		packages: 'external',
		platform: 'node',
		format: 'esm',
		target: 'node20',
		sourcemap: 'linked',
		logLevel: 'warning',
		metafile: true,
		absWorkingDir: root,
	});
	prune(new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f))));
	fs.writeFileSync(stampFile, JSON.stringify({ signature: sig, compiledAt: new Date().toISOString() }) + '\n');
}

/** Chunks of an earlier build are kept a week: a server started before a rebuild still loads its own. */
const chunkLifeMs = 7 * 24 * 3600 * 1000;

/** Removes what the new build did not write: programs at once (a removed command), old chunks after a week. */
function prune(written, dir = outDir) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) prune(written, p);
		else if (p !== stampFile && !written.has(p)) {
			const isChunk = path.relative(outDir, p).startsWith('chunks' + path.sep);
			if (!isChunk || Date.now() - fs.statSync(p).mtimeMs > chunkLifeMs) fs.rmSync(p, { force: true });
		}
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Takes the build lock (a folder: mkdir is atomic); a lock older than a minute is from a killed process. */
async function lock() {
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			return;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
			else await sleep(50);
		}
	}
}

/**
 * Makes build/ match the sources, compiling when they changed; returns true when it compiled. Concurrent
 * starts (tests spawn several) wait for one another, and only one compiles.
 */
export async function ensureCompiled({ force = false, quiet = false } = {}) {
	const files = sources();
	const sig = signature(files);
	if (!force && stampedSignature() === sig) return false;
	await lock();
	try {
		if (!force && stampedSignature() === sig) return false;
		if (!quiet) process.stderr.write('Compiling the sources (first start, or they changed)...\n');
		await compile(sig);
		return true;
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Imports a compiled module by its source path under src/ (e.g. 'node/cli/main.ts'), compiling first if needed. */
export async function importCompiled(sourcePath) {
	await ensureCompiled();
	return import(pathToFileURL(path.join(outDir, sourcePath.replace(/\.ts$/, '.js'))).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
	await ensureCompiled({ force: true, quiet: true });
	console.log(`Compiled src/ to ${path.relative(process.cwd(), outDir) || '.'}/`);
}
