import { createHash } from 'node:crypto';
import type { DecodedImage } from '../../common/domain/DecodedImage.js';
import { LabelerProvider } from '../evaluation/LabelerProvider.js';
import type { EventSink } from '../events/EventSink.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import type { StudyService } from '../studies/index.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { AuditLog } from './AuditLog.js';
import { DraftQueue } from './DraftQueue.js';
import type { ReaderIdentity } from './ReaderIdentity.js';
import type { ReportAssistantSource } from './ReportAssistantSource.js';
import type { SignedReportListener } from './SignedReportListener.js';
import { ReportDocuments } from './ReportDocuments.js';
import { reportHandlers } from './reportHandlers.js';
import { ReportingService } from './ReportingService.js';
import { ReportSigning } from './ReportSigning.js';
import { SqliteReportStore } from './SqliteReportStore.js';
import { StudyRecords } from './StudyRecords.js';
import type { StudyImageSource } from './StudyImageSource.js';

/** Frontal views first: the model was trained on PA/AP images. */
const viewRank = (v: string | null) => (v === 'PA' ? 0 : v === 'AP' ? 1 : v ? 3 : 2);

/**
 * Drafting, correcting, conversing and signing reports. Where no model set is installed the assistant
 * rejects and the UI says so; the consistency guard's labeler is the model folder's labeler model where
 * its manifest lists one, else the rules.
 */
export function reportingModule(d: {
	db: SqliteDatabase;
	events: EventSink;
	reader: ReaderIdentity;
	assistants: ReportAssistantSource;
	/** The model folder in use, where the labeler model is looked for. */
	modelsDir: () => string | null;
	studyImages: Pick<StudyService, 'images' | 'decodeFrame'>;
	/** Replaces the frontal-view lookup for the model (tests whose studies have no image files). */
	images?: StudyImageSource;
	onStudyImported?: (listener: (studyId: number) => void) => unknown;
	/** Hears each signature and addendum in its transaction (the outbox). */
	signed?: SignedReportListener;
}) {
	const frontal = (studyId: number) => {
		const images = [...d.studyImages.images(studyId)].sort(
			(a, b) => viewRank(a.viewPosition) - viewRank(b.viewPosition),
		);
		if (!images[0]) throw new Error(`Study ${studyId} has no images.`);
		return images[0];
	};
	/** The frontal view's pixels: what the model reads and what a PDF shows as the key image. */
	const keyImage = (studyId: number): Promise<DecodedImage> =>
		d.studyImages.decodeFrame(frontal(studyId).instanceId, 0);
	const labelers = new LabelerProvider(d.modelsDir, (message) => {
		d.events.emit({
			type: 'progress',
			task: 'labeler',
			jobId: 'labeler',
			label: 'Report labeler unavailable: the rules check reports',
			fraction: null,
			done: true,
			error: message,
			studyId: null,
		});
	});
	const store = new SqliteReportStore(d.db);
	const audit = new AuditLog(d.db);
	const studies = new StudyRecords(d.db);
	const reporting = new ReportingService({
		store,
		audit,
		studies,
		events: d.events,
		reader: d.reader,
		assistants: d.assistants,
		images: d.images ?? {
			studyImage: async (studyId) => ({
				key: createHash('sha256').update(frontal(studyId).sopInstanceUid).digest('hex'),
				image: await keyImage(studyId),
			}),
		},
	});
	const signing = new ReportSigning({
		store,
		audit,
		reader: d.reader,
		findingsReader: { positiveFindings: (text) => labelers.positiveLabels(text) },
		states: reporting,
		...(d.signed ? { signed: d.signed } : {}),
	});
	const draftQueue = new DraftQueue({ drafts: reporting, studies, events: d.events });
	d.onStudyImported?.(() => draftQueue.kick());
	return {
		reporting,
		signing,
		draftQueue,
		labelers,
		audit,
		documents: new ReportDocuments(store, studies),
		keyImage,
		handlers: reportHandlers({ reporting, signing, audit }),
		background: [labelers, draftQueue],
	} satisfies WorkstationModule;
}
