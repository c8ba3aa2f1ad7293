import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../common/api/contract.js';
import type { AppInfo } from '../../common/api/appContract.js';
import { EventBus } from '../events/EventBus.js';
import { openDatabase, type SqliteDatabase } from '../store/openDatabase.js';
import { SettingsStore } from '../settings/SettingsStore.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { SqliteStudyStore } from '../store/SqliteStudyStore.js';
import { StudyImporter } from '../studies/StudyImporter.js';
import { StudyService } from '../studies/StudyService.js';
import { studiesHandlers } from '../studies/studiesHandlers.js';
import { ReceiverService } from '../receiver/ReceiverService.js';
import { createReporting, type Reporting } from '../reporting/createReporting.js';
import { reportHandlers } from '../reporting/reportHandlers.js';
import { createReportAssistant } from '../inference/createReportAssistant.js';
import type { ModelProcessLauncher } from '../inference/process/ModelProcessLauncher.js';
import { demoHandlers } from '../demo/demoHandlers.js';
import { packageVersion } from './packageVersion.js';
import { projectRoot } from './projectRoot.js';

export interface BackgroundService {
	start(): Promise<void>;
	stop(): Promise<void>;
}

export interface WorkstationOptions {
	/** Folder holding the database and the imported originals; created if missing. */
	readonly dataDir: string;
	/** Which door the UI comes through; only reported to the UI. */
	readonly shell: AppInfo['shell'];
	/** better-sqlite3 addon built for Electron's ABI; omitted under plain Node, which uses the package's own build. */
	readonly sqliteNativeBinding?: string;
	/** How the model process starts; omitted under plain Node (a child process). Electron passes a utilityProcess launcher. */
	readonly modelProcessLauncher?: ModelProcessLauncher;
}

/**
 * The composition root: opens the data folder and builds every service once. Both shells create
 * exactly one of these and hand its `handlers` to their door. Each domain contributes its handlers
 * through one function (`xxxHandlers(this)`), so adding a domain is one line here.
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
	readonly receiver: ReceiverService;
	/** Drafting, correcting, conversing, signing and exporting reports (src/node/services/reporting). */
	readonly reporting: Reporting;
	readonly handlers: ApiHandlers;
	/**
	 * Long-running parts (the C-STORE receiver, the background draft queue) register here so both
	 * shells start and stop them the same way, after the UI's door is open.
	 */
	private readonly backgroundServices: BackgroundService[] = [];

	constructor(readonly options: WorkstationOptions) {
		fs.mkdirSync(options.dataDir, { recursive: true });
		this.db = openDatabase(path.join(options.dataDir, 'workstation.sqlite'), options.sqliteNativeBinding);
		this.settings = new SettingsStore(this.db);
		this.worklist = new WorklistQueries(this.db);
		this.studyStore = new SqliteStudyStore(this.db);
		this.importer = new StudyImporter(this.studyStore, options.dataDir, this.events);
		this.studies = new StudyService(this.studyStore, this.importer.originals);
		this.receiver = new ReceiverService(() => this.settings.get().receiver, this.importer, this.events);
		this.addBackgroundService(this.receiver);
		this.reporting = createReporting({
			db: this.db,
			events: this.events,
			settings: this.settings,
			studies: this.studies,
			assistantFactory: (o) =>
				createReportAssistant({
					...o,
					...(this.settings.get().llmThreads ? { threads: this.settings.get().llmThreads } : {}),
					...(options.modelProcessLauncher ? { launcher: options.modelProcessLauncher } : {}),
				}),
			defaultModelsDir: path.join(projectRoot(), 'models', 'demo'),
			onStudyImported: (l) => this.importer.onStudyImported(l),
		});
		this.addBackgroundService(this.reporting.assistants);
		this.addBackgroundService(this.reporting.labelers);
		this.addBackgroundService(this.reporting.draftQueue);
		this.handlers = {
			...appHandlers(this),
			...studiesHandlers(this),
			...reportHandlers(this.reporting),
			...demoHandlers({ importer: this.importer, dataDir: options.dataDir }),
			'worklist.list': async (q) => this.worklist.list(q),
		};
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

function appHandlers(w: Workstation): Pick<ApiHandlers, 'app.info' | 'settings.get' | 'settings.update'> {
	return {
		'app.info': async () => ({
			version: packageVersion(),
			shell: w.options.shell,
			dataDir: w.options.dataDir,
			modelNotice: w.reporting.assistants.notice(),
		}),
		'settings.get': async () => w.settings.get(),
		'settings.update': async (patch) => {
			const next = w.settings.update(patch);
			// A changed port, AE title or on/off takes effect at once, as a user expects from a settings screen.
			if (patch.receiver && w.receiver.started) await w.receiver.restart();
			return next;
		},
	};
}
