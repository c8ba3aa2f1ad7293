import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { DerivedTextTally } from '../../common/faithfulness/index.js';
import { labelReport } from '../../common/labeler/labelReport.js';
import { drawnLabels } from '../../common/phantoms/PhantomCase.js';
import { Prng } from '../../common/phantoms/Prng.js';
import { phantomStudy } from '../../common/phantoms/PhantomStudy.js';
import { renderPhantom } from '../../common/phantoms/renderPhantom.js';
import { decodeDicomBytes } from '../dicom/decodeDicom.js';
import { RadialogEngine } from '../inference/RadialogEngine.js';
import { writePhantomDicom } from './writePhantomDicom.js';

/** The findings the phantoms draw, "No Finding" aside: the label set every score here is macro-averaged over. */
export const scoredLabels: readonly ChexpertLabel[] = drawnLabels.filter((l) => l !== 'No Finding');

export interface DemoEvaluation {
	readonly studies: number;
	readonly classifierMacroF1: number;
	readonly classifierPerLabelF1: Readonly<Record<string, number>>;
	/**
	 * Studies whose predicted findings are exactly the true ones: the most a findings list read from them
	 * can match.
	 */
	readonly classifierExactMatch: number;
	/** Labeler on the drafted report vs the ground-truth labels. */
	readonly reportMacroF1: number;
	readonly reportPerLabelF1: Readonly<Record<string, number>>;
	/** Corrections whose every added finding appears and every removed one disappears. */
	readonly correctionSuccess: number;
	readonly yesNoAccuracy: number;
	/** List-findings answers naming exactly the ground-truth findings. */
	readonly listExactMatch: number;
	/** Per label and study: listed iff present. */
	readonly listLabelAccuracy: number;
	/**
	 * The same two answers checked against the labels of the drafted report under discussion (the LLM alone,
	 * classifier errors aside).
	 */
	readonly yesNoVsReport: number;
	readonly listExactVsReport: number;
	/** Easy-language / summary answers shorter than the report and stating each of its positive findings. */
	readonly easyLanguageOk: number;
	readonly summaryOk: number;
	/** Sides, unasked changes and quotes of the follow-up answers, by the faithfulness checker. */
	readonly faithfulness: ReturnType<DerivedTextTally['rates']>;
	readonly examples: readonly {
		seed: number;
		truth: readonly string[];
		report: string;
		correction: string;
		request: string;
		easy: string;
		summary: string;
	}[];
}

const positives = (text: string): Set<ChexpertLabel> => {
	const l = labelReport(text);
	return new Set(scoredLabels.filter((x) => l[x] === 'positive'));
};

/** The same findings stated, over the scored labels. */
const sameFindings = (a: ReadonlySet<ChexpertLabel>, b: ReadonlySet<ChexpertLabel>): boolean =>
	scoredLabels.every((l) => a.has(l) === b.has(l));

function macroF1(rows: readonly { truth: ReadonlySet<ChexpertLabel>; got: ReadonlySet<ChexpertLabel> }[]): {
	macro: number;
	perLabel: Record<string, number>;
} {
	const perLabel: Record<string, number> = {};
	for (const l of scoredLabels) {
		let tp = 0,
			fp = 0,
			fn = 0;
		for (const r of rows) {
			const t = r.truth.has(l),
				g = r.got.has(l);
			if (t && g) tp++;
			else if (g) fp++;
			else if (t) fn++;
		}
		perLabel[l] = tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 1;
	}
	return { macro: Object.values(perLabel).reduce((a, b) => a + b, 0) / scoredLabels.length, perLabel };
}

/**
 * Runs the demo model set on held-out phantom studies through the real path: DICOM bytes → decoder →
 * RadialogEngine (ONNX vision, llama.cpp) → the labeler on what it writes.
 */
export async function evaluateDemoModels(o: {
	modelsDir: string;
	seeds: readonly number[];
	threads?: number;
	followUps?: boolean;
	onStudy?: (done: number) => void;
}): Promise<DemoEvaluation> {
	const engine = await RadialogEngine.open({
		modelsDir: o.modelsDir,
		threads: o.threads ?? 2,
		gpu: false,
		verifyHashes: false,
	});
	const cls: { truth: Set<ChexpertLabel>; got: Set<ChexpertLabel> }[] = [];
	const rep: typeof cls = [];
	let corrections = 0,
		yesNo = 0,
		listExact = 0,
		listLabels = 0,
		easyOk = 0,
		summaryOk = 0,
		yesNoReport = 0,
		listExactReport = 0;
	const examples: DemoEvaluation['examples'][number][] = [];
	const tally = new DerivedTextTally();
	try {
		for (const [n, seed] of o.seeds.entries()) {
			const s = phantomStudy(seed);
			const truth = new Set(s.case.labels.filter((l) => scoredLabels.includes(l)));
			const bytes = writePhantomDicom(s, renderPhantom(s.case, 1024));
			const image = { key: s.study.sopInstanceUid, image: await decodeDicomBytes(bytes) };
			const predicted = (await engine.predictFindings(image)).filter((p) => p.positive).map((p) => p.label);
			cls.push({ truth, got: new Set(predicted.filter((l) => scoredLabels.includes(l))) });
			const report = (await engine.draftReport({ image, findings: predicted })).text;
			const said = positives(report);
			rep.push({ truth, got: said });
			if (o.followUps === false) {
				o.onStudy?.(n + 1);
				continue;
			}
			const ask = (request: Parameters<RadialogEngine['followUp']>[0]['request']) =>
				engine.followUp({ image, findings: predicted, report, history: [], request }).then((g) => g.text);
			const rng = new Prng(seed).fork(77);
			// A correction the reader might make: add a finding the draft lacks and/or remove one it states.
			const absent = scoredLabels.filter((l) => !said.has(l));
			const present = [...said];
			const mode = present.length ? rng.int(0, 2) : 0;
			const add = mode !== 1 ? [rng.pick(absent)] : [];
			const remove = mode !== 0 ? [rng.pick(present)] : [];
			const corrected = await ask({ task: 'CO', add, remove });
			const after = positives(corrected);
			if (add.every((l) => after.has(l)) && remove.every((l) => !after.has(l))) corrections++;
			tally.correction(report, corrected, { add, remove });
			const asked = rng.chance(0.5) && truth.size ? rng.pick([...truth]) : rng.pick(scoredLabels);
			const yn = (await ask({ task: 'FQA_binary', pathology: asked })).trim().toLowerCase();
			if (yn.startsWith(truth.has(asked) ? 'yes' : 'no')) yesNo++;
			if (yn.startsWith(said.has(asked) ? 'yes' : 'no')) yesNoReport++;
			const list = await ask({ task: 'FQA_complete' });
			const listed = new Set(scoredLabels.filter((l) => list.toLowerCase().includes(l.toLowerCase())));
			if (sameFindings(listed, truth)) listExact++;
			listLabels += scoredLabels.filter((l) => listed.has(l) === truth.has(l)).length;
			if (sameFindings(listed, said)) listExactReport++;
			const named = (text: string) =>
				text.length < report.length && [...said].every((l) => positives(text).has(l));
			const easy = await ask({ task: 'EL' });
			const summary = await ask({ task: 'SU' });
			if (named(easy)) easyOk++;
			if (named(summary)) summaryOk++;
			tally.followUp(report, easy);
			tally.followUp(report, summary);
			// A reasoning question about a finding the draft states (devices have no RaDialog reasoning task).
			const reasons = [...said].filter((l) => l !== 'Support Devices');
			if (reasons.length)
				tally.reasoningAnswer(report, await ask({ task: 'RE', pathology: rng.fork(78).pick(reasons) }));
			if (examples.length < 6)
				examples.push({
					seed,
					truth: [...truth],
					report,
					correction: corrected,
					request: `add ${add.join(', ') || '-'}; remove ${remove.join(', ') || '-'}`,
					easy,
					summary,
				});
			o.onStudy?.(n + 1);
		}
	} finally {
		await engine.close();
	}
	const n = o.seeds.length;
	const c = macroF1(cls),
		r = macroF1(rep);
	return {
		studies: n,
		classifierMacroF1: c.macro,
		classifierPerLabelF1: c.perLabel,
		classifierExactMatch: cls.filter((x) => sameFindings(x.got, x.truth)).length / n,
		reportMacroF1: r.macro,
		reportPerLabelF1: r.perLabel,
		correctionSuccess: corrections / n,
		yesNoAccuracy: yesNo / n,
		listExactMatch: listExact / n,
		listLabelAccuracy: listLabels / (n * scoredLabels.length),
		easyLanguageOk: easyOk / n,
		summaryOk: summaryOk / n,
		yesNoVsReport: yesNoReport / n,
		listExactVsReport: listExactReport / n,
		faithfulness: tally.rates(),
		examples,
	};
}
