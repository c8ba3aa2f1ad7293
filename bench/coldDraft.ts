/**
 * Cold `radialog draft` (a new process: findings and a draft of one phantom study, models loaded from disk)
 * against a plain script that calls onnxruntime-node and node-llama-cpp directly on the same inputs: the
 * encoder and classifier on the same tensors, the same LLM with the same image adapter, the same prompt
 * tokens and as many generated tokens as the draft has. Rounds alternate; medians compared (goal ≤ 1.2×).
 *
 *   node --import tsx bench/coldDraft.ts [--models DIR] [--rounds 5] [--threads N] [--quick]
 *
 * --quick runs one round (CI checks the lines, not the timings). Numbers are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderReportGenerationPrompt } from '../src/common/radialog/conversation.js';
import { preprocessImage } from '../src/common/radialog/preprocess.js';
import { decodeDicomFile } from '../src/node/dicom/decodeDicom.js';
import { writeEmbeddingAdapter } from '../src/node/inference/llama/embeddingAdapter.js';
import { inspectLanguageModel } from '../src/node/inference/llama/inspectLanguageModel.js';
import { readModelSet } from '../src/node/inference/loadModelSet.js';
import { RadialogEngine } from '../src/node/inference/RadialogEngine.js';
import { defaultModelsDir } from '../src/node/inference/terminalSupport.js';
import { generatePhantomStudies } from '../src/node/phantoms/generatePhantomStudies.js';

const { values } = parseArgs({
	options: {
		models: { type: 'string' },
		rounds: { type: 'string' },
		threads: { type: 'string' },
		quick: { type: 'boolean' },
	},
});
const modelsDir = path.resolve(values.models ?? defaultModelsDir());
const rounds = values.quick ? 1 : Number(values.rounds ?? 5);
const threads = Number(values.threads ?? 1);
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-cold-draft-'));

/** The direct script: the libraries' own calls and nothing else, in plain JavaScript. */
const directScript = `
import fs from 'node:fs';
import ort from 'onnxruntime-node';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const opts = { intraOpNumThreads: job.threads, interOpNumThreads: 1 };
for (const v of job.vision) {
	const session = await ort.InferenceSession.create(v.file, opts);
	const data = new Float32Array(fs.readFileSync(v.tensor).buffer.slice(0));
	await session.run({ [v.input]: new ort.Tensor('float32', data, v.dims) });
}
const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error, progressLogs: false });
const model = await llama.loadModel({ modelPath: job.llm, gpuLayers: 0 });
const context = await model.createContext({
	contextSize: job.contextSize, threads: job.threads, sequences: 1,
	lora: { adapters: [{ filePath: job.adapter, scale: 1 }] },
});
const out = [];
for await (const t of context.getSequence().evaluate(job.prompt, { temperature: 0 })) {
	out.push(t);
	if (out.length >= job.tokens) break;
}
console.log(model.detokenize(out).trim());
`;

function timed(args: string[], cwd: string): Promise<number> {
	const t0 = performance.now();
	const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
	let err = '';
	child.stderr.on('data', (d: Buffer) => (err += d.toString()));
	child.stdout.resume();
	return new Promise((resolve, reject) =>
		child.once('exit', (code) =>
			code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${args.join(' ')}: ${code}\n${err}`)),
		),
	);
}

try {
	const [study] = generatePhantomStudies({ outDir: work, count: 1, firstSeed: 7 });
	const dicom = path.join(work, study!.file);
	const set = readModelSet(modelsDir);
	if (set.paths.loraAdapters.length) throw new Error('this bench covers model sets without extra LoRA adapters');
	// The inputs the draft computes, computed once here so the direct script only calls the libraries.
	const image = { key: 'cold', image: await decodeDicomFile(dicom) };
	const engine = await RadialogEngine.open({ modelsDir, threads, gpu: false, verifyHashes: false });
	const findings = (await engine.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
	const draft = await engine.draftReport({ image, findings });
	const embeddings = await engine.imageEmbeddings(image);
	const prompt = engine.tokenizePrompt(renderReportGenerationPrompt(set.manifest.llm.systemPrompt, findings));
	await engine.close();
	const facts = await inspectLanguageModel(set);
	const adapter = path.join(work, 'adapter.gguf');
	writeEmbeddingAdapter(adapter, {
		architecture: facts.architecture,
		vocabularySize: facts.vocabularySize,
		embeddingLength: facts.embeddingLength,
		placeholderIds: set.manifest.llm.imagePlaceholderTokenIds,
		vectors: embeddings,
		originalRows: facts.placeholderRows,
	});
	const v = set.manifest.vision;
	const vision = (['encoder', 'classifier'] as const).map((k) => {
		const t = preprocessImage(image.image, v[k].preprocessing);
		const tensor = path.join(work, `${k}.f32`);
		fs.writeFileSync(tensor, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
		return { file: set.paths[k], input: v[k].input.name, tensor, dims: [1, t.channels, t.size, t.size] };
	});
	const job = path.join(work, 'job.json');
	fs.writeFileSync(
		job,
		JSON.stringify({
			threads,
			vision,
			llm: set.paths.llm,
			adapter,
			contextSize: set.manifest.llm.contextSize,
			prompt,
			tokens: draft.tokenCount,
		}),
	);
	// Beside the project, so its imports resolve to the same node_modules.
	const direct = path.join(root, `.cold-draft-direct-${process.pid}.mjs`);
	fs.writeFileSync(direct, directScript);
	const draftArgs = [
		path.join(root, 'bin', 'radialog.mjs'),
		'draft',
		dicom,
		'--json',
		'--cpu',
		'--threads',
		String(threads),
		'--models',
		modelsDir,
	];
	try {
		await timed(draftArgs, root); // compiles the sources if they changed; not timed
		const ours: number[] = [];
		const theirs: number[] = [];
		for (let r = 0; r < rounds; r++) {
			const pair = [() => timed(draftArgs, root), () => timed([direct, job], root)] as const;
			// Alternate which goes first, so neither always runs on a page cache warmed by the other.
			if (r % 2 === 0) {
				ours.push(await pair[0]());
				theirs.push(await pair[1]());
			} else {
				theirs.push(await pair[1]());
				ours.push(await pair[0]());
			}
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
		const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;
		const ratio = median(ours) / median(theirs);
		console.log(`draft of ${draft.tokenCount} tokens, prompt ${prompt.length} tokens, ${threads} thread(s)`);
		console.log(`radialog draft (cold): median ${Math.round(median(ours))} ms (${spread(ours)})`);
		const directLine = `median ${Math.round(median(theirs))} ms (${spread(theirs)})`;
		console.log(`direct onnxruntime-node + node-llama-cpp script: ${directLine}`);
		console.log(
			`cold draft: ${ratio.toFixed(2)}× the direct script over ${rounds} round(s) (goal ≤ 1.2×: ` +
				`${ratio <= 1.2 ? 'met' : 'not met'})`,
		);
	} finally {
		fs.rmSync(direct, { force: true });
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
