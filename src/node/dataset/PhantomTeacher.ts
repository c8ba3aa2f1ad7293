import { drawnLabels, type PhantomCase } from '../../common/phantoms/PhantomCase.js';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { findingsWithLabels } from '../../common/phantoms/findingsWithLabels.js';
import { labelsOf } from '../../common/phantoms/PhantomCase.js';
import { Prng } from '../../common/phantoms/Prng.js';
import { writeReportSentences } from '../../common/phantoms/sentenceBank.js';
import { easyLanguage, explanation, regionQuestion, summary } from '../../common/phantoms/teacherTexts.js';
import type { InstructTeacher, RegionAnswer, SourceImage } from './InstructTeacher.js';

export class UnknownPhantom extends Error {
	override readonly name = 'UnknownPhantom';
}

/** The rule-based teacher for phantoms: it knows each image's drawn findings, so its answers are exact. */
export class PhantomTeacher implements InstructTeacher {
	readonly name = 'rule-based phantom teacher (sentence bank)';
	private readonly cases = new Map<string, PhantomCase>();
	/** The variant of the erroneous first report, remembered so the correction keeps its wording. */
	private readonly variants = new Map<string, number>();

	/** `variation` > 0 draws other wordings and other errors for the same images (more training samples). */
	constructor(
		cases: Iterable<[string, PhantomCase]>,
		private readonly variation = 0,
	) {
		for (const [id, c] of cases) this.cases.set(id, c);
	}

	private get(image: SourceImage): PhantomCase {
		const c = this.cases.get(image.dicomId);
		if (!c) throw new UnknownPhantom(`no phantom behind ${image.dicomId}`);
		return c;
	}

	private rng(image: SourceImage, salt: number): Prng {
		const r = new Prng(this.get(image).seed).fork(100 + salt);
		return this.variation ? r.fork(1000 + this.variation) : r;
	}

	easyLanguage(image: SourceImage): Promise<string> {
		return Promise.resolve(easyLanguage(this.get(image).findings, this.rng(image, 1)));
	}

	summary(image: SourceImage): Promise<string> {
		return Promise.resolve(summary(this.get(image).findings, this.rng(image, 2)));
	}

	regionQuestion(image: SourceImage): Promise<RegionAnswer> {
		const c = this.get(image);
		const sentences = writeReportSentences(c.findings, c.seed);
		return Promise.resolve(regionQuestion(c.findings, c.labels, sentences, this.rng(image, 3)));
	}

	explanation(image: SourceImage, label: ChexpertLabel): Promise<string | null> {
		const c = this.get(image);
		return Promise.resolve(explanation(writeReportSentences(c.findings, c.seed), label));
	}

	reportWithErrors(
		image: SourceImage,
	): Promise<{ report: string; labels: readonly ChexpertLabel[]; writtenFrom: readonly ChexpertLabel[] }> {
		const c = this.get(image);
		const r = this.rng(image, 4);
		const truth: ChexpertLabel[] = c.labels.filter((l) => l !== 'No Finding');
		const absent: ChexpertLabel[] = drawnLabels.filter((l) => l !== 'No Finding' && !truth.includes(l));
		let wrong: ChexpertLabel[] = [...truth];
		// Drop a true finding, add a false one, or both: at least one error, as a report written blind would have.
		const mode = truth.length ? r.int(0, 2) : 1;
		if (mode !== 1) wrong = wrong.filter((l) => l !== r.pick(truth));
		if (mode !== 0) wrong.push(r.pick(absent));
		if (mode === 2 && r.chance(0.3) && wrong.length < truth.length + 1)
			wrong.push(r.pick(absent.filter((l) => !wrong.includes(l))));
		const f = findingsWithLabels(c.findings, wrong, r);
		const variant = r.int(0, 3);
		this.variants.set(image.dicomId, variant);
		// As if the classifier had predicted `wrong` and the report followed it.
		return Promise.resolve({
			report: writeReportSentences(f, c.seed, variant)
				.map((s) => s.text)
				.join(' '),
			labels: labelsOf(f),
			writtenFrom: labelsOf(f),
		});
	}

	correctedReport(image: SourceImage): Promise<string> {
		const c = this.get(image);
		const sentences = writeReportSentences(c.findings, c.seed, this.variants.get(image.dicomId) ?? 0);
		return Promise.resolve(sentences.map((s) => s.text).join(' '));
	}
}
