import type { ChexpertLabel } from '../../common/domain/chexpert.js';

/** One training image with its ground truth: the findings section and its CheXpert labels. */
export interface SourceImage {
	readonly dicomId: string;
	readonly report: string;
	/** Positive labels (uncertain counts as negative), as CheXbert gives them for the report. */
	readonly labels: readonly ChexpertLabel[];
	/** What the classifier predicted for the image; the report-generation prompt names these. Defaults to `labels`. */
	readonly predictedFindings?: readonly ChexpertLabel[];
	/** Report passages explaining a finding (MIMIC-NLE), by label. */
	readonly explanations?: Partial<Record<ChexpertLabel, string>>;
}

export interface RegionAnswer {
	readonly region: string;
	readonly question: string;
	readonly answer: string;
}

/**
 * Who writes the answers that no dataset has (docs/radialog.md, section 6: EL, SU, RQA and CO came from a teacher LLM
 * given the ground-truth report). The phantoms use a rule-based teacher; real data an LLM.
 */
export interface InstructTeacher {
	readonly name: string;
	easyLanguage(image: SourceImage): Promise<string>;
	summary(image: SourceImage): Promise<string>;
	regionQuestion(image: SourceImage): Promise<RegionAnswer>;
	/** The passage of the report supporting `label`, or null when there is none. */
	explanation(image: SourceImage, label: ChexpertLabel): Promise<string | null>;
	/**
	 * A report written without the image (so it has errors) and its positive labels. `writtenFrom`: the
	 * findings list it was written from, when that is not the image's predicted findings (the phantom
	 * teacher simulates a classifier's errors); the conversation's first prompt then names these, so the
	 * model cannot meet the correction by rewriting the report from a findings list that is already right.
	 */
	reportWithErrors(
		image: SourceImage,
	): Promise<{ report: string; labels: readonly ChexpertLabel[]; writtenFrom?: readonly ChexpertLabel[] }>;
	/** `first` adapted so that it states `add` and no longer states `remove`. */
	correctedReport(
		image: SourceImage,
		first: string,
		add: readonly ChexpertLabel[],
		remove: readonly ChexpertLabel[],
	): Promise<string>;
}
