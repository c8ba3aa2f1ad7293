/**
 * The model stack's numbers, in one run:
 *   1. time to first token and total draft time through the model process (new image each time);
 *   2. the project's overhead against raw node-llama-cpp generating the same tokens from the same prompt
 *      (same process, same model, adapter, threads; the project's draft streams its text as the app does;
 *      9 runs alternated, medians compared, spread printed; goal ≤ 3 %);
 *   3. model-process RSS over N consecutive drafts of different images (goal: growth < 50 MB).
 *
 *   node --import tsx bench/inference.ts [--models DIR] [--gpu] [--threads N] [--drafts 200] [--reps 9]
 *     [--image FILE.dcm] [--quick]
 *
 * --quick: 3 runs and 3 drafts (CI checks the lines, not the timings).
 *
 * Without --models it uses models/demo when present, else the tiny random test models (generated on
 * first use). Numbers are printed, never asserted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AssistantImage } from '../src/common/radialog/ReportAssistant.js';
import { syntheticImage } from '../test/fixtures/testImages.js';
import { testModelsDir } from '../test/fixtures/testModels.js';
import { decodeDicomFile } from '../src/node/dicom/decodeDicom.js';
import { createReportAssistant } from '../src/node/inference/createReportAssistant.js';
import { RawLlamaBaseline } from '../src/node/inference/llama/RawLlamaBaseline.js';
import { readModelSet } from '../src/node/inference/loadModelSet.js';
import { RadialogEngine } from '../src/node/inference/RadialogEngine.js';
import { defaultModelsDir } from '../src/node/inference/terminalSupport.js';
import { renderReportGenerationPrompt } from '../src/common/radialog/conversation.js';
import { maxNewTokens } from '../src/common/radialog/instructTemplates.js';

const { values } = parseArgs({
	options: {
		models: { type: 'string' },
		gpu: { type: 'boolean' },
		threads: { type: 'string' },
		drafts: { type: 'string' },
		reps: { type: 'string' },
		image: { type: 'string' },
		quick: { type: 'boolean' },
	},
});
const modelsDir =
	values.models ??
	(fs.existsSync(path.join(defaultModelsDir(), 'manifest.json')) ? defaultModelsDir() : testModelsDir());
const gpu = values.gpu ? ('auto' as const) : (false as const);
const threads = Number(values.threads ?? 1);
const drafts = Number(values.drafts ?? (values.quick ? 3 : 200));
const reps = Number(values.reps ?? (values.quick ? 3 : 9));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const base = values.image ? await decodeDicomFile(path.resolve(values.image)) : null;
const imageFor = (i: number): AssistantImage =>
	base ? { key: `bench-${i}`, image: base } : { ...syntheticImage(i + 1), key: `bench-${i}` };

console.log(
	`models: ${modelsDir}\ndevice: ${gpu ? 'GPU if available' : 'CPU'}, threads ${threads}, ` +
		`node ${process.version}, ${process.platform}/${process.arch}`,
);

// 2. Overhead against raw node-llama-cpp (in one process, alternating).
{
	const engine = await RadialogEngine.open({ modelsDir, threads, gpu, verifyHashes: false });
	const image = imageFor(0);
	const findings = (await engine.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
	const prompt = renderReportGenerationPrompt(engine.set.manifest.llm.systemPrompt, findings);
	await engine.draftReport({ image, findings });
	const raw = await RawLlamaBaseline.open(readModelSet(modelsDir), {
		threads,
		gpu,
		embeddings: await engine.imageEmbeddings(image),
	});
	const tokens = engine.tokenizePrompt(prompt);
	const ours: number[] = [];
	const theirs: number[] = [];
	let same = true;
	let count = 0;
	for (let r = 0; r < reps; r++) {
		// Alternate which goes first, so neither always runs on a cache warmed by the other.
		const runOurs = async () => {
			await engine.forgetEvaluatedPrefix();
			const t0 = performance.now();
			// Streamed, as the app and the model process ask for it: the text of each token is decoded.
			const result = await engine.draftReport({ image, findings }, { onToken: () => undefined });
			ours.push(performance.now() - t0);
			return result;
		};
		const o = r % 2 ? await runOurs() : null;
		const b = await raw.generate(tokens, maxNewTokens.RG);
		theirs.push(b.totalMs);
		const o2 = o ?? (await runOurs());
		same &&=
			o2.generation.tokens.length === b.tokens.length && o2.generation.tokens.every((t, i) => t === b.tokens[i]);
		count = b.tokens.length;
	}
	const ratio = median(ours) / median(theirs);
	const spread = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
	const perRun = ours.map((o, i) => o / theirs[i]!);
	console.log(`\n[overhead] same prompt (${tokens.length} tokens) → ${count} tokens, ${reps} alternating runs`);
	console.log(`  raw node-llama-cpp  median ${ms(median(theirs))} (${spread(theirs)})`);
	console.log(`  project (engine)    median ${ms(median(ours))} (${spread(ours)})`);
	console.log(
		`  ratio ${ratio.toFixed(3)} (overhead ${((ratio - 1) * 100).toFixed(1)} %, goal ≤ 3 %: ` +
			`${ratio <= 1.03 ? 'met' : 'not met'}); per-run ratios ` +
			`${Math.min(...perRun).toFixed(3)}–${Math.max(...perRun).toFixed(3)}; identical tokens: ${same}`,
	);
	await raw.close();
	await engine.close();
}

// 1 and 3. Through the model process: first token, total, and memory over many drafts.
{
	const assistant = createReportAssistant({ modelsDir, threads, gpu, verifyHashes: false });
	const rssOf = (pid: number) => {
		const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : NaN;
	};
	const t0 = performance.now();
	await assistant.start();
	console.log(`\n[process] model process started and models loaded in ${ms(performance.now() - t0)}`);
	const ttft: number[] = [];
	const total: number[] = [];
	const rss: [number, number][] = [];
	for (let i = 0; i < drafts; i++) {
		const image = imageFor(1000 + i);
		const start = performance.now();
		let first = 0;
		const findings = (await assistant.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
		await assistant.draftReport({ image, findings }, { onToken: () => (first ||= performance.now() - start) });
		total.push(performance.now() - start);
		ttft.push(first);
		rss.push([i + 1, rssOf(assistant.pid!)]);
		if ((i + 1) % 20 === 0) process.stderr.write(`  ${i + 1}/${drafts} drafts\r`);
	}
	console.log(`[process] ${drafts} drafts, each a new image (findings + encoding + draft):`);
	console.log(`  time to first token: median ${ms(median(ttft))}, first ${ms(ttft[0]!)}`);
	console.log(`  total draft time:    median ${ms(median(total))}, first ${ms(total[0]!)}`);
	const at = (n: number) => rss.find(([k]) => k === n)?.[1] ?? NaN;
	console.log(
		`  model-process RSS (MB) after n drafts: ${[1, 10, 50, 100, 150, drafts]
			.filter((n, i, a) => n <= drafts && a.indexOf(n) === i)
			.map((n) => `${n}: ${at(n).toFixed(0)}`)
			.join(', ')}`,
	);
	// The model is reloaded every few images (adapters are freed only with it), so RSS is a sawtooth;
	// compare the peaks of an early and the last window of 40 drafts rather than two arbitrary points.
	const peak = (from: number, to: number) => Math.max(...rss.filter(([n]) => n >= from && n <= to).map(([, r]) => r));
	if (drafts >= 90)
		console.log(
			`  peak RSS drafts 10–50: ${peak(10, 50).toFixed(0)} MB, ` +
				`last 40 drafts: ${peak(drafts - 39, drafts).toFixed(0)} MB; ` +
				`growth ${(peak(drafts - 39, drafts) - peak(10, 50)).toFixed(1)} MB (goal < 50 MB)`,
		);
	await assistant.close();
}
