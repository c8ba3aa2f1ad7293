import type { DecodedImage } from '../../common/domain/DecodedImage.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import type { ExportDependencies } from './ExportDependencies.js';
import { exportHandlers } from './exportHandlers.js';
import { keyImagePng } from './keyImagePng.js';
import { ReportExports } from './ReportExports.js';

/** Report exports (PDF, text, SR, FHIR, HL7, handout) and the instruct dataset, to the export folder. */
export function exportModule(
	d: Omit<ExportDependencies, 'keyImagePng'> & {
		/** The study's key image (the frontal view). */
		keyImage(studyId: number): Promise<DecodedImage>;
	},
) {
	const exports = new ReportExports({
		reports: d.reports,
		audit: d.audit,
		reader: d.reader,
		readerCredentials: () => d.readerCredentials(),
		exportFolder: () => d.exportFolder(),
		...(d.hl7Settings ? { hl7Settings: d.hl7Settings } : {}),
		keyImagePng: async (studyId) => keyImagePng(await d.keyImage(studyId)),
	});
	return { exports, handlers: exportHandlers(exports), background: [] } satisfies WorkstationModule;
}
