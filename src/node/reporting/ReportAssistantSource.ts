import type { ReportAssistant } from '../../common/radialog/ReportAssistant.js';

/** The loaded model set; rejects with a message a reader can act on when none is installed. */
export interface ReportAssistantSource {
	assistant(): Promise<ReportAssistant>;
}
