/**
 * The language model on a GPU: where its layers run, time to first token, tokens per second and the
 * whole report with vision (classifier, image encoder, then up to 300 report tokens), per round.
 *
 *   node --import tsx bench/gpu.ts [--models DIR] [--gpu-layers auto|N] [--rounds 3] [--threads N] [--quick]
 *
 * Without --models it uses models/demo. --gpu-layers overrides the manifest's gpuLayers (through a
 * temporary folder of links to the set's files). Where llama.cpp finds no GPU it says so and measures the
 * CPU. --quick: one round, for CI (checks the lines are printed, never the timings).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getLlama } from 'node-llama-cpp';
import type { ModelEvent } from '../src/common/radialog/ModelEvent.js';
import { syntheticImage } from '../test/fixtures/testImages.js';
import { RadialogEngine } from '../src/node/inference/RadialogEngine.js';

const { values } = parseArgs({
	options: {
		models: { type: 'string', default: 'models/demo' },
		'gpu-layers': { type: 'string' },
		rounds: { type: 'string' },
		threads: { type: 'string' },
		quick: { type: 'boolean' },
	},
});
const rounds = values.quick ? 1 : Number(values.rounds ?? 3);
const threads = Number(values.threads ?? Math.max(1, Math.min(8, os.availableParallelism())));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The set with another gpuLayers: a temporary folder of links to its files and an edited manifest. */
function withGpuLayers(dir: string, layers: string): string {
	const gpuLayers = layers === 'auto' ? 'auto' : Number(layers);
	if (gpuLayers !== 'auto' && !(Number.isInteger(gpuLayers) && gpuLayers >= 0))
		throw new Error(`--gpu-layers takes "auto" or a whole number, not "${layers}"`);
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-gpu-bench-'));
	for (const f of fs.readdirSync(dir)) fs.symlinkSync(path.resolve(dir, f), path.join(out, f));
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
		llm: { gpuLayers: unknown };
	};
	manifest.llm.gpuLayers = gpuLayers;
	fs.rmSync(path.join(out, 'manifest.json'));
	fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
	return out;
}

const modelsDir = values['gpu-layers'] ? withGpuLayers(values.models, values['gpu-layers']) : values.models;
const llama = await getLlama({ gpu: 'auto', build: 'never' });
const gpuNames = llama.gpu ? await llama.getGpuDeviceNames() : [];
console.log(`models: ${values.models}; gpuLayers: ${values['gpu-layers'] ?? 'as in the manifest'}; threads ${threads}`);
console.log(
	llama.gpu
		? `GPU: ${llama.gpu} (${gpuNames.join(', ') || 'unnamed device'})`
		: 'GPU: none found (node-llama-cpp found no CUDA, Vulkan or Metal device); measuring the CPU',
);
await llama.dispose();

let ready: Extract<ModelEvent, { type: 'ready' }> | null = null;
const t0 = performance.now();
const engine = await RadialogEngine.open({
	modelsDir,
	threads,
	gpu: 'auto',
	verifyHashes: false,
	onEvent: (e) => (e.type === 'ready' ? (ready = e) : undefined),
});
const loaded = performance.now() - t0;
const placement = (ready as Extract<ModelEvent, { type: 'ready' }> | null)?.placement;
console.log(
	`loaded in ${(loaded / 1000).toFixed(1)} s on ${placement?.gpu ?? 'CPU'}: ` +
		`${placement?.offloadedLayers ?? '?'}/${placement?.totalLayers ?? '?'} layers on the GPU`,
);

const ttft: number[] = [];
const perSecond: number[] = [];
const whole: number[] = [];
for (let r = 0; r < rounds; r++) {
	// A new image each round: vision runs every time, as for a new study.
	const image = { ...syntheticImage(r + 1), key: `gpu-bench-${r}` };
	const start = performance.now();
	const findings = (await engine.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
	let first = 0;
	const report = await engine.draftReport({ image, findings }, { onToken: () => (first ||= performance.now()) });
	const end = performance.now();
	const generating = (end - first) / 1000;
	ttft.push(first - start);
	perSecond.push(report.tokenCount > 1 && generating > 0 ? (report.tokenCount - 1) / generating : 0);
	whole.push(end - start);
	console.log(
		`round ${r + 1}: ${report.tokenCount} tokens (stopped by ${report.stoppedBy}), ` +
			`first token after ${(first - start).toFixed(0)} ms (vision included), ` +
			`${perSecond.at(-1)!.toFixed(1)} tokens/s, report with vision ${(end - start).toFixed(0)} ms`,
	);
}
await engine.close();
if (modelsDir !== values.models) fs.rmSync(modelsDir, { recursive: true, force: true });
console.log(
	`median of ${rounds}: time to first token ${median(ttft).toFixed(0)} ms, ` +
		`${median(perSecond).toFixed(1)} tokens/s, report with vision ${median(whole).toFixed(0)} ms ` +
		`(up to 300 tokens; the model stops at its end of report)`,
);
