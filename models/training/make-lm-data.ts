// Builds the phantom instruct dataset (the published construction, rule-based teacher) and tokenizes
// every record exactly as the inference runtime does: the Vicuna v1.1 prompt from src/common/radialog,
// promptSegments (BOS, text without the leading space after the first, 32 placeholder ids, EOS for
// each earlier answer's end) then tokens(answer) + [EOS]. The loss covers the answer and its EOS only.
//   node --import tsx models/training/make-lm-data.ts VOCAB_GGUF OUT_DIR IMAGES SYSTEM_PROMPT_FILE
import fs from 'node:fs';
import path from 'node:path';
import { getLlama } from 'node-llama-cpp';
import { drawnLabels } from '../../src/common/phantoms/PhantomCase.js';
import { IMAGE_PLACEHOLDER_COUNT, promptSegments, renderVicunaPrompt } from '../../src/common/radialog/vicunaPrompt.js';
import { buildInstructDataset } from '../../src/node/dataset/buildInstructDataset.js';
import { phantomSourceImages } from '../../src/node/dataset/phantomSourceImages.js';
import { recordPromptText } from '../../src/node/dataset/recordPrompt.js';
import { writeDatasetFile } from '../../src/node/dataset/writeDatasetFile.js';
import { trainSeeds } from './seeds.js';

const [vocab, out, count = '1200', systemFile] = process.argv.slice(2);
if (!vocab || !out || !systemFile) throw new Error('usage: make-lm-data.ts VOCAB_GGUF OUT_DIR IMAGES SYSTEM_PROMPT_FILE');
const system = fs.readFileSync(systemFile, 'utf8').trim();
fs.mkdirSync(out, { recursive: true });

const seeds = trainSeeds(Number(count));
const { images } = phantomSourceImages(seeds);
const seedOf = new Map(images.map((img, i) => [img.dicomId, seeds[i]!]));
const samples: { ids: number[]; answerStart: number; imageAt: number; seed: number; prompt?: string }[] = [];
const llama = await getLlama({ gpu: false, logLevel: 'error' });
const model = await llama.loadModel({ modelPath: vocab, vocabOnly: true });
const placeholders = Array.from({ length: IMAGE_PLACEHOLDER_COUNT }, (_, k) => 32000 + k);
const tok = (text: string, trim = false) => Array.from(trim ? model.tokenize(text, false, 'trimLeadingSpace') : model.tokenize(text, false));
// Two builds with different seeds: every image gets two instruct tasks and its report twice.
for (const seed of [1, 2]) {
	const { images: imgs, teacher } = phantomSourceImages(seeds);
	const { records, summary } = await buildInstructDataset(imgs, teacher, { seed, questionLabels: drawnLabels.filter((l) => l !== 'No Finding') });
	if (seed === 1) {
		writeDatasetFile(path.join(out, 'phantom_instruct_stratified.json.gz'), records);
		fs.writeFileSync(path.join(out, 'dataset-summary.json'), JSON.stringify(summary, null, 1));
	}
	for (const r of records) {
		const text = renderVicunaPrompt(system, [{ user: recordPromptText(r.instruction) }]);
		const prompt: number[] = [model.tokens.bos!];
		for (const seg of promptSegments(text)) {
			if (seg.kind === 'text') prompt.push(...tok(seg.text, !seg.leadingSpace));
			else if (seg.kind === 'image') prompt.push(...placeholders);
			else prompt.push(model.tokens.eos!);
		}
		if (!prompt.includes(placeholders[0]!)) throw new Error('a record without its image');
		const answer = [...tok(r.output), model.tokens.eos!];
		// The first few keep their text: the GGUF-vs-PyTorch greedy check feeds it to the runtime.
		samples.push({ ids: [...prompt, ...answer], answerStart: prompt.length, imageAt: prompt.indexOf(placeholders[0]!), seed: seedOf.get(r.dicom)!, ...(samples.length < 8 ? { prompt: text } : {}) });
	}
}
fs.writeFileSync(path.join(out, 'lm-samples.json'), JSON.stringify({ placeholders, samples }));
const lengths = samples.map((s) => s.ids.length).sort((a, b) => a - b);
console.log(`${samples.length} samples, tokens median ${lengths[lengths.length >> 1]}, max ${lengths.at(-1)}, used vocabulary ${new Set(samples.flatMap((s) => s.ids)).size}`);
await model.dispose();
