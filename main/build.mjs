// Bundles the Electron main process and the preload to CommonJS (a sandboxed preload cannot be ESM or
// require node_modules). Native and model packages stay external and are unpacked from asar.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const external = [
	'electron',
	'better-sqlite3',
	'onnxruntime-node',
	'node-llama-cpp',
	'dcmjs-dimse',
	'@cornerstonejs/*',
];
const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: true,
	external,
	logLevel: 'warning',
};

await build({
	...common,
	entryPoints: [path.join(root, 'main/electron-main/main.ts')],
	outfile: path.join(root, 'dist/main/main.cjs'),
	// import.meta.url has no meaning in CommonJS: point it at the bundle file, so projectRoot() still finds
	// package.json.
	define: { 'import.meta.url': 'importMetaUrl' },
	banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
	...common,
	entryPoints: [path.join(root, 'main/preload/preload.ts')],
	outfile: path.join(root, 'dist/main/preload.cjs'),
});
// The model process (src/node/inference/process), forked from beside the main bundle. ESM: node-llama-cpp
// has top-level await.
await build({
	...common,
	format: 'esm',
	entryPoints: [path.join(root, 'src/node/inference/process/modelProcessMain.ts')],
	outfile: path.join(root, 'dist/main/modelProcess.mjs'),
});
console.log('Built dist/main/main.cjs and dist/main/preload.cjs');
