// Builds the phantom instruct dataset (the published construction, rule-based teacher) several times with
// different seeds and teacher variations, and tokenizes it exactly as the inference runtime does (the
// Vicuna v1.1 prompt and promptSegments from src/common/radialog). For training efficiency the records of
// one image that share a first exchange are packed into multi-turn conversations (report, then up to
// MAX_FOLLOW_UPS follow-ups, a correction always alone): every answer of a conversation is learned at once,
// and the answers sit exactly where the runtime puts them when a chat goes on.
//   node --import tsx models/training/make-lm-data.ts VOCAB_GGUF OUT_DIR IMAGES SYSTEM_PROMPT_FILE
import fs from 'node:fs';
import path from 'node:path';
import { getLlama, LlamaLogLevel, type Token } from 'node-llama-cpp';
import { drawnLabels } from '../../src/common/phantoms/PhantomCase.js';
import { renderInstruction } from '../../src/common/radialog/instructTemplates.js';
import { Prng } from '../../src/common/phantoms/Prng.js';
import { writeReportSentences } from '../../src/common/phantoms/sentenceBank.js';
import type { ChexpertLabel } from '../../src/common/domain/chexpert.js';
import type { PhantomCase } from '../../src/common/phantoms/PhantomCase.js';
import {
	easyLanguage,
	explanation,
	managementQuestion,
	summary as summaryOf,
} from '../../src/common/phantoms/teacherTexts.js';
import { treatmentCaveat } from '../../src/common/faithfulness/index.js';
import { END_OF_ANSWER, renderVicunaPrompt, type VicunaTurn } from '../../src/common/radialog/vicunaPrompt.js';
import {
	buildInstructDataset,
	followUpInstruction,
	instructSample,
} from '../../src/node/dataset/buildInstructDataset.js';
import { answerMarks, type AnswerMarks } from '../../src/node/dataset/answerMarks.js';
import type { SourceImage } from '../../src/node/dataset/InstructTeacher.js';
import { extraFinding } from '../../src/node/dataset/extraFinding.js';
import { otherDetails } from '../../src/node/dataset/otherDetails.js';
import { phantomSourceImages } from '../../src/node/dataset/phantomSourceImages.js';
import { readerEditCorrection } from '../../src/node/dataset/readerEditCorrection.js';
import { recordPromptText } from '../../src/node/dataset/recordPrompt.js';
import { writeDatasetFile } from '../../src/node/dataset/writeDatasetFile.js';
import { tokenizePrompt } from '../../src/node/inference/llama/tokenizePrompt.js';
import { placeholderTokenIds } from './placeholderTokenIds.js';
import { trainSeeds } from './seeds.js';

const [vocab, out, count = '1200', systemFile] = process.argv.slice(2);
if (!vocab || !out || !systemFile)
	throw new Error('usage: make-lm-data.ts VOCAB_GGUF OUT_DIR IMAGES SYSTEM_PROMPT_FILE');
const BUILDS = Number(process.env.RADIALOG_LM_BUILDS ?? 6);
// The tiny LLM learns corrections and lookups slowest: extra records per image, made by the same
// construction with further teacher variations. Extra yes/no questions are balanced per finding: every
// present finding is asked, an absent one with the odds of its being present, so that for each finding
// "yes" and "no" are equally likely and only the findings list and report decide the answer (a finding's
// own prior, e.g. "no" for the pneumothorax that reports nearly always negate, no longer pays).
const EXTRA_CO = Number(process.env.RADIALOG_LM_EXTRA_CO ?? 1);
const EXTRA_FOLLOW_UPS = Number(process.env.RADIALOG_LM_EXTRA_FOLLOW_UPS ?? 2);
// Corrections the reader asks for on a right draft (as the workstation and bench do): a random finding
// added and/or removed, answered with the same report, word for word, with that edit. The builder's
// corrections always lead to the image's true report, so a model can meet them from the image and
// findings alone; these cannot be met without reading the request.
const EXTRA_EDITS = Number(process.env.RADIALOG_LM_EXTRA_EDITS ?? 3);
// Conversations about a report that differs from the image in sides, grades and zones (as a reader's
// edited report or a wrong draft may): the report is context only, never learned, and every answer after
// it follows the report's words. Without them every answer could be read off the image, and the model
// described the image where its own draft said otherwise (the other side, another size).
const CONTEXT_VARIANTS = Number(process.env.RADIALOG_LM_CONTEXT_VARIANTS ?? 5);
// Reasoning answers per such report, each about another of its findings: the quote must be copied from
// the report, which (unlike the image's own report) the image cannot supply.
const CONTEXT_REASONS = Number(process.env.RADIALOG_LM_CONTEXT_REASONS ?? 3);
// Reader-edit corrections per such report: copied from the report, not from the image.
const CONTEXT_EDITS = Number(process.env.RADIALOG_LM_CONTEXT_EDITS ?? 1);
// Odds that such a report also states a finding the image lacks (as a wrong draft may), and the findings
// list says so: longer reports whose every sentence must be copied from the report.
const CONTEXT_EXTRA = Number(process.env.RADIALOG_LM_CONTEXT_EXTRA ?? 0.5);
const MAX_FOLLOW_UPS = 12;
/** The LLM's positions (lm.py's max_pos). */
const MAX_POSITIONS = 1024;
const system = fs.readFileSync(systemFile, 'utf8').trim();
fs.mkdirSync(out, { recursive: true });

const seeds = trainSeeds(Number(count));
const seedOf = new Map(phantomSourceImages(seeds).images.map((img, i) => [img.dicomId, seeds[i]!]));
const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: vocab, vocabOnly: true });
const eos = model.tokens.eos!;
const tokenize = (text: string): number[] => tokenizePrompt(model, text, placeholderTokenIds);

// Conversations keyed by image and first exchange (a correction's first exchange is its erroneous report).
interface Conversation {
	dicom: string;
	first: VicunaTurn;
	followUps: Map<string, VicunaTurn>;
	edits: VicunaTurn[];
	/** The first answer is context only (a report other than the image's): not learned. */
	contextFirst: boolean;
}
const conversations = new Map<string, Conversation>();
const questionLabels = drawnLabels.filter((l) => l !== 'No Finding');
/** The findings an image's prompt names (see phantomSourceImages: "no common findings" in odd builds). */
const prompted = (img: SourceImage) => img.predictedFindings ?? img.labels;
for (let build = 1; build <= BUILDS; build++) {
	const { images, teacher } = phantomSourceImages(seeds, build - 1);
	const { records, summary } = await buildInstructDataset(images, teacher, { seed: build, questionLabels });
	if (build === 1) {
		writeDatasetFile(path.join(out, 'phantom_instruct_stratified.json.gz'), records);
		fs.writeFileSync(path.join(out, 'dataset-summary.json'), JSON.stringify(summary, null, 1));
	}
	for (const r of records) addRecord(r);
}
const plain = phantomSourceImages(seeds);
const presentOdds = new Map(
	questionLabels.map((l) => {
		const p = plain.images.filter((img) => img.labels.includes(l)).length / seeds.length;
		return [l, Math.min(1, p / Math.max(1 - p, 1e-9))];
	}),
);
for (let extra = 0; extra < Math.max(EXTRA_CO, EXTRA_FOLLOW_UPS); extra++) {
	const { images, teacher } = phantomSourceImages(seeds, BUILDS + extra);
	const pick = new Prng(1000 + extra);
	const manage = new Prng(5000 + extra);
	for (const img of images) {
		const tasks = [
			...(extra < EXTRA_CO ? ['CO' as const] : []),
			...(extra < EXTRA_FOLLOW_UPS ? ['FQA_complete' as const, 'EL' as const, 'SU' as const] : []),
		];
		for (const task of tasks) {
			const sample = await instructSample(task, img, prompted(img), teacher, questionLabels, pick);
			if (sample) addRecord({ ...sample, dicom: img.dicomId });
		}
		if (extra >= EXTRA_FOLLOW_UPS) continue;
		// A question about treatment, half the time: answered with the clinician's decision and the report's words.
		if (manage.chance(0.5)) {
			const c = plain.cases.get(img.dicomId)!;
			const q = managementQuestion(writeReportSentences(c.findings, c.seed), treatmentCaveat, manage);
			addRecord({
				instruction: followUpInstruction(prompted(img), img.report, q.question),
				output: q.answer,
				dicom: img.dicomId,
			});
		}
		const asked = questionLabels.filter((l) => img.labels.includes(l) || pick.chance(presentOdds.get(l)!));
		for (const pathology of pick.shuffle(asked)) {
			const message = renderInstruction('FQA_binary', pick.int(0, 9), { pathology });
			addRecord({
				instruction: followUpInstruction(prompted(img), img.report, message),
				output: img.labels.includes(pathology) ? 'Yes' : 'No',
				dicom: img.dicomId,
			});
		}
	}
}

{
	const pick = new Prng(3000);
	for (const img of plain.images) {
		const c = plain.cases.get(img.dicomId)!;
		const truth = questionLabels.filter((l) => img.labels.includes(l));
		const absent = questionLabels.filter((l) => !truth.includes(l));
		for (let e = 0; e < EXTRA_EDITS; e++) {
			const { add, remove, report } = readerEditCorrection(c, truth, absent, pick);
			const message = renderInstruction('CO', pick.int(0, 9), { add, remove });
			addRecord(
				{
					instruction: followUpInstruction(prompted(img), img.report, message),
					output: report,
					dicom: img.dicomId,
				},
				{ edit: true },
			);
		}
	}
}

{
	const pick = new Prng(4000);
	for (let v = 0; v < CONTEXT_VARIANTS; v++) {
		for (const img of plain.images) {
			const c = plain.cases.get(img.dicomId)!;
			const truth = questionLabels.filter((l) => img.labels.includes(l));
			if (!truth.length) continue;
			const details = otherDetails(c.findings, pick);
			const { findings, labels } = extraFinding(details, truth, questionLabels, CONTEXT_EXTRA, pick);
			const variant: PhantomCase = { ...c, findings };
			const sentences = writeReportSentences(variant.findings, c.seed);
			const report = sentences.map((x) => x.text).join(' ');
			const ask = (task: 'EL' | 'SU' | 'RE', output: string | null, pathology?: ChexpertLabel) => {
				if (!output) return;
				const message = renderInstruction(task, pick.int(0, 9), pathology ? { pathology } : {});
				addRecord(
					{ instruction: followUpInstruction(labels, report, message), output, dicom: img.dicomId },
					{
						contextFirst: true,
					},
				);
			};
			ask('EL', easyLanguage(variant.findings, pick));
			ask('SU', summaryOf(variant.findings, pick));
			const reasons = pick.shuffle(labels.filter((l) => l !== 'Support Devices'));
			for (const label of reasons.slice(0, CONTEXT_REASONS)) ask('RE', explanation(sentences, label), label);
			const absent = questionLabels.filter((l) => !labels.includes(l));
			for (let e = 0; e < CONTEXT_EDITS; e++) {
				const edit = readerEditCorrection(variant, labels, absent, pick);
				const message = renderInstruction('CO', pick.int(0, 9), { add: edit.add, remove: edit.remove });
				addRecord(
					{
						instruction: followUpInstruction(labels, report, message),
						output: edit.report,
						dicom: img.dicomId,
					},
					{ edit: true, contextFirst: true },
				);
			}
		}
	}
}

function addRecord(
	r: { instruction: string; output: string; dicom: string },
	o: { edit?: boolean; contextFirst?: boolean } = {},
): void {
	const edit = o.edit ?? false;
	const text = recordPromptText(r.instruction);
	const cut = text.indexOf(`${END_OF_ANSWER}USER: `);
	const [firstUser, firstAnswer] =
		cut < 0 ? [text, r.output] : (text.slice(0, cut).split(' ASSISTANT: ') as [string, string]);
	const key = `${r.dicom}\n${firstUser}\n${firstAnswer}`;
	const c: Conversation = conversations.get(key) ?? {
		dicom: r.dicom,
		first: { user: firstUser, assistant: firstAnswer },
		followUps: new Map(),
		edits: [],
		contextFirst: o.contextFirst ?? false,
	};
	conversations.set(key, c);
	if (cut >= 0) {
		const user = text.slice(cut + END_OF_ANSWER.length + 'USER: '.length);
		if (edit) c.edits.push({ user, assistant: r.output });
		else c.followUps.set(`${user}\n${r.output}`, { user, assistant: r.output });
	}
}

const rng = new Prng(7);
// yesNo: the spans that answer a yes/no question; their one deciding token weighs more in the loss.
// details / quoted: token indices of follow-up answers that name a side, size or zone, or lie in a quote.
const samples: {
	ids: number[];
	spans: [number, number][];
	yesNo: number[];
	details: number[];
	quoted: number[];
	imageAt: number;
	seed: number;
	prompt?: string;
}[] = [];
let misaligned = 0;
for (const c of conversations.values()) {
	const followUps = rng.shuffle([...c.followUps.values()]);
	const chunks: VicunaTurn[][] = [];
	for (let k = 0; k < Math.max(1, followUps.length); k += MAX_FOLLOW_UPS)
		chunks.push(followUps.slice(k, k + MAX_FOLLOW_UPS));
	// An edit changes the report under discussion, so it ends its chunk (later answers would not fit it).
	c.edits.forEach((e, k) => (k < chunks.length ? chunks[k]!.push(e) : chunks.push([e])));
	for (const chunk of chunks) {
		const turns = [c.first, ...chunk];
		const ids = tokenize(renderVicunaPrompt(system, turns));
		const spans: [number, number][] = [];
		for (let k = 0; k < turns.length; k++) {
			const prefix = tokenize(renderVicunaPrompt(system, [...turns.slice(0, k), { user: turns[k]!.user }]));
			const aligned = prefix.every((t, i) => ids[i] === t);
			if (!aligned) break;
			spans.push([prefix.length, ids.indexOf(eos, prefix.length) + 1]);
		}
		if (spans.length < turns.length) misaligned++;
		if (!spans.length) continue;
		const imageAt = ids.indexOf(placeholderTokenIds[0]!);
		if (imageAt < 0) throw new Error('a conversation without its image');
		// The first few keep their prompt text: the GGUF-vs-PyTorch greedy check feeds it to the runtime.
		// A context-only first answer stays in the ids (the model reads it) but is not a learned span.
		// Answers past the model's 1,024 positions are left out (the longest conversations, rarely).
		const learned = spans
			.map((x, k) => ({ x, k }))
			.slice(c.contextFirst ? 1 : 0)
			.filter((l) => l.x[1] <= MAX_POSITIONS);
		if (!learned.length) continue;
		const yesNo = learned.flatMap((l, j) => (/^(Yes|No)$/.test(turns[l.k]!.assistant ?? '') ? [j] : []));
		const marks = learned.filter((l) => l.k > 0).map((l) => followUpMarks(ids, l.x));
		samples.push({
			ids: ids.slice(0, learned.at(-1)!.x[1]),
			spans: learned.map((l) => l.x),
			yesNo,
			details: marks.flatMap((m) => m.details),
			quoted: marks.flatMap((m) => m.quoted),
			imageAt,
			seed: seedOf.get(c.dicom)!,
			...(samples.length < 8 ? { prompt: renderVicunaPrompt(system, [{ user: c.first.user }]) } : {}),
		});
	}
}
/** The tokens of one answer that name a side, size or zone, and those inside a quote (as indices into ids). */
function followUpMarks(ids: number[], [start, end]: [number, number]): AnswerMarks {
	const marks = answerMarks(ids.slice(start, end).map((id) => model.detokenize([id as Token])));
	return { details: marks.details.map((i) => start + i), quoted: marks.quoted.map((i) => start + i) };
}

fs.writeFileSync(path.join(out, 'lm-samples.json'), JSON.stringify({ placeholders: placeholderTokenIds, samples }));
const lengths = samples.map((s) => s.ids.length).sort((a, b) => a - b);
const answers = samples.reduce((n, s) => n + s.spans.length, 0);
const details = samples.reduce((n, s) => n + s.details.length, 0);
const quoted = samples.reduce((n, s) => n + s.quoted.length, 0);
console.log(
	`${BUILDS} builds → ${samples.length} conversations with ${answers} answers ` +
		`(${misaligned} cut short where a prefix tokenized differently), ` +
		`tokens median ${lengths[lengths.length >> 1]}, max ${lengths.at(-1)}, ` +
		`total ${lengths.reduce((a, b) => a + b, 0)}; follow-up tokens weighted: ${details} details, ${quoted} quoted`,
);
await model.dispose();
