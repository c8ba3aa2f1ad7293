import { createHash } from 'node:crypto';
import type { AssistantImage } from '../../common/radialog/ReportAssistant.js';
import type { EventBus } from '../events/EventBus.js';
import { LabelerProvider } from '../evaluation/LabelerProvider.js';
import { keyImagePng } from '../export/keyImagePng.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import type { SettingsStore } from '../settings/SettingsStore.js';
import type { StudyService } from '../studies/StudyService.js';
import { AssistantProvider, type AssistantFactory } from '../assistant/AssistantProvider.js';
import { DraftQueue } from './DraftQueue.js';
import { ReportExports } from '../export/ReportExports.js';
import type { ReportingDependencies } from './ReportingDependencies.js';
import { ReportingService } from './ReportingService.js';
import { ReportSigning } from './ReportSigning.js';

export interface Reporting {
	readonly reporting: ReportingService;
	readonly signing: ReportSigning;
	readonly exports: ReportExports;
	readonly draftQueue: DraftQueue;
	readonly assistants: AssistantProvider;
	/** The consistency guard's labeler: the model folder's labeler model where its manifest lists one, else the rules. */
	readonly labelers: LabelerProvider;
}

/** Frontal views first: the model was trained on PA/AP images. */
const viewRank = (v: string | null) => (v === 'PA' ? 0 : v === 'AP' ? 1 : v ? 3 : 2);

/**
 * Builds the reporting workflow over the workstation's parts. `assistantFactory` is the model stack's
 * createReportAssistant; where no model set is installed the assistant rejects and the UI says so.
 */
export function createReporting(w: {
	db: SqliteDatabase;
	events: EventBus;
	settings: SettingsStore;
	studies: StudyService;
	assistantFactory: AssistantFactory | null;
	/** The bundled demo models' folder, used while the settings name none. */
	defaultModelsDir: string | null;
	onStudyImported?: (listener: (studyId: number) => void) => unknown;
}): Reporting {
	const frontal = (studyId: number) => {
		const images = [...w.studies.images(studyId)].sort(
			(a, b) => viewRank(a.viewPosition) - viewRank(b.viewPosition),
		);
		if (!images[0]) throw new Error(`Study ${studyId} has no images.`);
		return images[0];
	};
	const assistants = new AssistantProvider(w.settings, w.events, w.assistantFactory, w.defaultModelsDir);
	const labelers = new LabelerProvider(
		() => assistants.modelsDir(),
		(message) => {
			w.events.emit({
				type: 'progress',
				jobId: 'labeler',
				label: 'Report labeler unavailable: the rules check reports',
				fraction: null,
				done: true,
				error: message,
				studyId: null,
			});
		},
	);
	const deps: ReportingDependencies = {
		assistant: () => assistants.get(),
		async studyImage(studyId): Promise<AssistantImage> {
			const im = frontal(studyId);
			return {
				key: createHash('sha256').update(im.sopInstanceUid).digest('hex'),
				image: await w.studies.decodeFrame(im.instanceId, 0),
			};
		},
		labeler: (text) => labelers.positiveLabels(text),
	};
	const reporting = new ReportingService(w.db, w.events, w.settings, deps);
	const exports = new ReportExports(reporting, async (studyId) =>
		keyImagePng(await w.studies.decodeFrame(frontal(studyId).instanceId, 0)),
	);
	const draftQueue = new DraftQueue(reporting);
	w.onStudyImported?.(() => draftQueue.kick());
	return { reporting, signing: new ReportSigning(reporting), exports, draftQueue, assistants, labelers };
}
