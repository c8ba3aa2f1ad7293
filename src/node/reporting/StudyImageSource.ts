import type { AssistantImage } from '../../common/radialog/ReportAssistant.js';

/** The image the model reads for a study (the frontal view where there is one). */
export interface StudyImageSource {
	studyImage(studyId: number): Promise<AssistantImage>;
}
