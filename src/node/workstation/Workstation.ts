import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../common/api/contract.js';
import type { AppInfo } from '../../common/api/appContract.js';
import { assistantModule } from '../assistant/assistantModule.js';
import { auditModule } from '../audit/auditModule.js';
import type { AuditTrail } from '../reporting/AuditTrail.js';
import { demoModule } from '../demo/demoModule.js';
import { EventBus } from '../events/EventBus.js';
import { exportModule } from '../export/exportModule.js';
import { pacsModule } from '../pacs/pacsModule.js';
import { PacsPriorFinder } from '../pacs/PacsPriorFinder.js';
import { createReportAssistant } from '../inference/createReportAssistant.js';
import type { ModelProcessLauncher } from '../inference/process/ModelProcessLauncher.js';
import { reportingModule } from '../reporting/reportingModule.js';
import { settingsModule } from '../settings/settingsModule.js';
import { outboxModule } from '../outbox/outboxModule.js';
import { priorsModule } from '../priors/priorsModule.js';
import { openDatabase, type SchemaUpdate, type SqliteDatabase } from '../store/openDatabase.js';
import { studiesModule } from '../studies/studiesModule.js';
import { uiStateModule } from '../uistate/uiStateModule.js';
import { worklistModule } from '../worklist/worklistModule.js';
import type { AssistantProvider } from '../assistant/AssistantProvider.js';
import type { LabelerProvider } from '../evaluation/LabelerProvider.js';
import type { RetryTiming } from '../outbox/index.js';
import type { ReportExports } from '../export/ReportExports.js';
import type { SignedReportSource } from '../export/SignedReportSource.js';
import type { PacsService } from '../pacs/PacsService.js';
import type { ReceiverService } from '../receiver/ReceiverService.js';
import type { receiverModule } from '../receiver/receiverModule.js';
import type { DraftQueue } from '../reporting/DraftQueue.js';
import type { ReportAssistantSource } from '../reporting/ReportAssistantSource.js';
import type { ReportingService } from '../reporting/ReportingService.js';
import type { ReportSigning } from '../reporting/ReportSigning.js';
import type { StudyImageSource } from '../reporting/StudyImageSource.js';
import type { SettingsStore } from '../settings/SettingsStore.js';
import type { SqliteStudyStore } from '../store/SqliteStudyStore.js';
import type { StudyImporter } from '../studies/StudyImporter.js';
import type { StudyService } from '../studies/StudyService.js';
import type { WorklistQueries } from '../worklist/WorklistQueries.js';
import { appHandlers } from './appHandlers.js';
import type { BackgroundService } from './BackgroundService.js';
import { LazyModule } from './LazyModule.js';
import { projectRoot } from './projectRoot.js';
import type { WorkstationModule } from './WorkstationModule.js';

export type { BackgroundService } from './BackgroundService.js';

export interface WorkstationOptions {
	/** Folder holding the database and the imported originals; created if missing. */
	readonly dataDir: string;
	/** Which door the UI comes through; only reported to the UI. */
	readonly shell: AppInfo['shell'];
	/** better-sqlite3 addon built for Electron's ABI; omitted under plain Node, which uses the package's own build. */
	readonly sqliteNativeBinding?: string;
	/**
	 * How the model process starts; omitted under plain Node (a child process). Electron passes a
	 * utilityProcess launcher.
	 */
	readonly modelProcessLauncher?: ModelProcessLauncher;
	/**
	 * Stands in for the model stack and the image decoding, so tests run the whole API on study rows
	 * without model files or images. Omitted by both shells.
	 */
	readonly modelStandIn?: { assistants: ReportAssistantSource; images: StudyImageSource };
	/** Shorter outbox retry waits and MLLP acknowledgement timeout (tests); the defaults otherwise. */
	readonly outbox?: { readonly timing?: Partial<RetryTiming>; readonly mllpTimeoutMs?: number };
	/** How long one minute of the PACS auto-fetch rule lasts (tests shorten it); a minute when omitted. */
	readonly autoFetchMinuteMs?: number;
	/** How long the priors list waits for the PACS before listing without it (tests shorten it); 5 s. */
	readonly priorsPacsTimeoutMs?: number;
	/** Told before each schema update of an existing data folder (schemaUpdateNotice says it). */
	readonly onSchemaUpdate?: (u: SchemaUpdate) => void;
}

/**
 * The composition root: opens the data folder and builds each capability's module once, in dependency
 * order, passing each the narrow parts it needs (see ARCHITECTURE.md). Both shells create exactly one of
 * these and hand its `handlers` to their door. Adding a capability is one module line here.
 */
export class Workstation {
	readonly events = new EventBus();
	readonly db: SqliteDatabase;
	readonly settings: SettingsStore;
	readonly worklist: WorklistQueries;
	readonly studyStore: SqliteStudyStore;
	/** Folder and upload import; `importer.onStudyImported(fn)` hears every study that got new images. */
	readonly importer: StudyImporter;
	readonly studies: StudyService;
	/** The C-STORE receiver, loaded with the background services (nothing before needs its code). */
	private readonly receiverModule: LazyModule<ReturnType<typeof receiverModule>>;
	/** Drafting, correcting, conversing, signing and exporting reports, for the CLI and tests. */
	readonly reporting: {
		readonly reporting: ReportingService;
		readonly signing: ReportSigning;
		readonly exports: ReportExports;
		readonly draftQueue: DraftQueue;
		readonly assistants: AssistantProvider;
		readonly labelers: LabelerProvider;
		/** The report as exports see it (the CLI's `pacs send` builds its SR from it). */
		readonly documents: SignedReportSource;
		/** Who did what: commands outside the API (`radialog pacs send`) write their rows here too. */
		readonly audit: AuditTrail;
	};
	/** Searching and retrieving from the hospital's PACS. */
	readonly pacs: PacsService;
	readonly handlers: ApiHandlers;
	/**
	 * Long-running parts (the C-STORE receiver, the background draft queue) register here so both
	 * shells start and stop them the same way, after the UI's door is open.
	 */
	private readonly backgroundServices: BackgroundService[] = [];

	constructor(readonly options: WorkstationOptions) {
		fs.mkdirSync(options.dataDir, { recursive: true });
		this.db = openDatabase(
			path.join(options.dataDir, 'workstation.sqlite'),
			options.sqliteNativeBinding,
			options.onSchemaUpdate,
		);
		const { db, events } = this;
		const settings = settingsModule({ db });
		const reader = { readerName: () => settings.store.get().readerName };
		const studies = studiesModule({ db, dataDir: options.dataDir, events });
		const receiver = new LazyModule('DICOM receiver', async () =>
			(await import('../receiver/receiverModule.js')).receiverModule({
				receiverSettings: () => settings.store.get().receiver,
				onSettingsUpdate: settings.onUpdate,
				importer: studies.importer,
				spoolFolder: path.join(options.dataDir, 'incoming'),
				events,
			}),
		);
		const assistant = assistantModule({
			settings: settings.store,
			events,
			factory: (o) => createReportAssistant({ ...o, ...this.modelOptions() }),
			defaultModelsDir: path.join(projectRoot(), 'models', 'demo'),
		});
		const reporting = reportingModule({
			db,
			events,
			reader,
			assistants: options.modelStandIn?.assistants ?? { assistant: () => assistant.provider.get() },
			...(options.modelStandIn ? { images: options.modelStandIn.images } : {}),
			modelsDir: () => assistant.provider.modelsDir(),
			studyImages: studies.studies,
			onStudyImported: (l) => studies.importer.onStudyImported(l),
			// The outbox is built below, from reporting's documents; signing happens only after both exist.
			signed: { reportSigned: (e) => outbox.queue.reportSigned(e) },
		});
		const exporting = exportModule({
			reports: reporting.documents,
			audit: reporting.audit,
			reader,
			readerCredentials: () => settings.store.get().readerCredentials,
			exportFolder: () => settings.store.get().exportFolder,
			hl7Settings: () => settings.store.get().hl7,
			keyImage: reporting.keyImage,
		});
		const worklist = worklistModule({ db, audit: reporting.audit, reader, events });
		const demo = demoModule({ importer: studies.importer, dataDir: options.dataDir });
		const pacs = pacsModule({
			db,
			events,
			pacsSettings: () => settings.store.get().pacs,
			images: studies.importer,
			local: { byStudyUid: (uids) => worklist.queries.studiesByUid(uids) },
			drafts: { draftSoon: () => reporting.draftQueue.kick() },
			...(options.autoFetchMinuteMs ? { autoFetchMinuteMs: options.autoFetchMinuteMs } : {}),
		});
		const outbox = outboxModule({
			db,
			events,
			reports: reporting.documents,
			settings: { pacs: () => settings.store.get().pacs, hl7: () => settings.store.get().hl7 },
			origins: pacs.origins,
			...options.outbox,
		});
		const uistate = uiStateModule({ db });
		const audit = auditModule({ db });
		const priors = priorsModule({
			db,
			reports: reporting.reporting,
			moreFinders: [new PacsPriorFinder(pacs.service, pacs.origins)],
			...(options.priorsPacsTimeoutMs ? { finderTimeoutMs: options.priorsPacsTimeoutMs } : {}),
		});
		const modules: Pick<WorkstationModule, 'background'>[] = [
			settings,
			worklist,
			studies,
			receiver,
			assistant,
			reporting,
			exporting,
			demo,
			uistate,
			audit,
			outbox,
			priors,
			pacs,
		];
		for (const m of modules) this.backgroundServices.push(...m.background);
		this.handlers = {
			...appHandlers({ ...options, modelNotice: () => assistant.provider.notice() }),
			...settings.handlers,
			...worklist.handlers,
			...studies.handlers,
			...reporting.handlers,
			...exporting.handlers,
			...demo.handlers,
			...uistate.handlers,
			...audit.handlers,
			...outbox.handlers,
			...priors.handlers,
			...pacs.handlers,
		};
		this.settings = settings.store;
		this.worklist = worklist.queries;
		this.studyStore = studies.store;
		this.importer = studies.importer;
		this.studies = studies.studies;
		this.receiverModule = receiver;
		this.pacs = pacs.service;
		const { draftQueue, labelers, signing } = reporting;
		this.reporting = {
			reporting: reporting.reporting,
			signing,
			draftQueue,
			labelers,
			exports: exporting.exports,
			assistants: assistant.provider,
			documents: reporting.documents,
			audit: reporting.audit,
		};
	}

	/** The settings' thread count and the shell's process launcher, for the model stack. */
	private modelOptions() {
		const threads = this.settings.get().llmThreads;
		return {
			...(threads ? { threads } : {}),
			...(this.options.modelProcessLauncher ? { launcher: this.options.modelProcessLauncher } : {}),
		};
	}

	/** The C-STORE receiver once the background services started (tests); `loadReceiver` loads it without them. */
	get receiver(): ReceiverService {
		return this.receiverModule.loaded.service;
	}

	async loadReceiver(): Promise<ReceiverService> {
		return (await this.receiverModule.load()).service;
	}

	addBackgroundService(service: BackgroundService): void {
		this.backgroundServices.push(service);
	}

	async startBackground(): Promise<void> {
		for (const s of this.backgroundServices) await s.start();
	}

	async close(): Promise<void> {
		for (const s of [...this.backgroundServices].reverse()) await s.stop().catch(() => undefined);
		this.db.close();
	}
}
