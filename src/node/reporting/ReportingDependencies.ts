import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import type { AssistantImage, ReportAssistant } from '../../common/radialog/ReportAssistant.js';

/** The positive CheXpert labels a report text states (the labeler of src/common/labeler, adapted). */
export type ReportLabeler = (text: string) => readonly ChexpertLabel[] | Promise<readonly ChexpertLabel[]>;

/** What the reporting workflow needs from other parts of the workstation, injected by the composition root. */
export interface ReportingDependencies {
	/** The loaded model set; rejects with a message a reader can act on when none is installed. */
	assistant(): Promise<ReportAssistant>;
	/** The image the model reads for this study (the frontal view where there is one). */
	studyImage(studyId: number): Promise<AssistantImage>;
	/** Null where no labeler is available: the consistency guard then says it could not check. */
	readonly labeler: ReportLabeler | null;
}
