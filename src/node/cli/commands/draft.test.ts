import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { testModelsDir } from '../../../../test/fixtures/testModels.js';
import { decodeDicomFile } from '../../dicom/decodeDicom.js';
import { createReportAssistant } from '../../inference/createReportAssistant.js';
import { generatePhantomStudies } from '../../phantoms/generatePhantomStudies.js';

const cli = path.resolve('bin/radialog.mjs');

/** The command lines of `pid`'s child processes (Linux /proc). */
function childCommands(pid: number): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Field 4 of stat is the parent id; the command (field 2) may hold spaces, so split after its ')'.
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
			out.push(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '));
		} catch {
			// The process ended while being read.
		}
	}
	return out;
}

/** Runs the CLI, noting every child process it had while it ran. */
function runWatchingChildren(args: string[]): Promise<{ code: number | null; stdout: string; children: string[] }> {
	const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const children = new Set<string>();
	const watch = setInterval(() => childCommands(child.pid!).forEach((c) => children.add(c)), 20);
	return new Promise((resolve) =>
		child.once('close', (code) => {
			clearInterval(watch);
			if (code !== 0) console.error(stderr);
			resolve({ code, stdout, children: [...children] });
		}),
	);
}

test('radialog draft runs the models in its own process and prints what the model process drafts', async () => {
	const dir = tempDir();
	const [study] = generatePhantomStudies({ outDir: dir, count: 1, size: 256, firstSeed: 11 });
	const file = path.join(dir, study!.file);
	const models = testModelsDir();
	const r = await runWatchingChildren(['draft', file, '--json', '--cpu', '--threads', '1', '--models', models]);
	assert.equal(r.code, 0);
	assert.deepEqual(
		r.children.filter((c) => c.includes('modelProcess')),
		[],
		'no model process is started for a one-shot draft',
	);
	const printed = JSON.parse(r.stdout) as {
		notice: string;
		studies: { file: string; findings: unknown[]; report: string }[];
	};

	// The same image through the model process the workstation and the server use.
	const assistant = createReportAssistant({ modelsDir: models, threads: 1, gpu: false });
	try {
		const image = { key: file, image: await decodeDicomFile(file) };
		const findings = await assistant.predictFindings(image);
		assert.ok(assistant.pid && assistant.pid !== process.pid, 'the workstation keeps a separate model process');
		const positive = findings.filter((f) => f.positive).map((f) => f.label);
		const draft = await assistant.draftReport({ image, findings: positive });
		assert.deepEqual(printed.studies, [{ study: study!.studyInstanceUid, file, findings, report: draft.text }]);
		assert.equal(printed.notice, assistant.notice);
	} finally {
		await assistant.close();
	}
});
