import { z } from 'zod';
import { defaultPacsSettings, MllpDestination, PacsSettings } from './pacsSettings.js';

export const ShellKind = z.enum(['electron', 'browser']);

export const AppInfo = z.object({
	version: z.string(),
	shell: ShellKind,
	dataDir: z.string(),
	/** Shown wherever model output appears, e.g. "Demo models, synthetic data, not for clinical use". */
	modelNotice: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Who an HL7 result message says it is from and to (MSH-3..6); each site's interface engine expects its own. */
export const Hl7Settings = z.object({
	sendingApplication: z.string().max(180),
	sendingFacility: z.string().max(180),
	receivingApplication: z.string().max(180),
	receivingFacility: z.string().max(180),
	/** The RIS interface engine that receives each signed report; null writes files only. */
	mllp: MllpDestination.nullable().default(null),
});
export type Hl7Settings = z.infer<typeof Hl7Settings>;
export const defaultHl7Settings: Hl7Settings = {
	sendingApplication: 'RADIALOG',
	sendingFacility: '',
	receivingApplication: '',
	receivingFacility: '',
	mllp: null,
};

/** The DICOM receiver: where it listens, and its protection against broken or hostile peers. */
export const ReceiverSettings = z.object({
	enabled: z.boolean(),
	port: z.number().int().min(1, 'Ports run from 1 to 65535').max(65535, 'Ports run from 1 to 65535'),
	aeTitle: z
		.string()
		.trim()
		.min(1, 'Enter an AE title')
		.max(16, 'AE titles have at most 16 characters')
		.regex(/^[ -~]+$/, 'AE titles are printable ASCII'),
	/** The largest PDU accepted and advertised, in bytes (dcmtk's storescp: 262144 by default). */
	maxPduBytes: z.number().int().min(4096, 'At least 4096 bytes').max(16_777_216, 'At most 16777216 bytes'),
	/** A peer silent this long is dropped. */
	idleTimeoutSeconds: z.number().int().min(1, 'At least 1 second').max(3600, 'At most 3600 seconds'),
	/** Associations open at once; one more is rejected. */
	maxAssociations: z.number().int().min(1, 'At least 1').max(256, 'At most 256'),
});
export type ReceiverSettings = z.infer<typeof ReceiverSettings>;

export const Settings = z.object({
	/** The name that signs reports ('' until the reader sets it on first run). */
	readerName: z.string().trim().max(200, 'At most 200 characters'),
	/** Shown beside the name on reports, e.g. "MD, Consultant Radiologist". */
	readerCredentials: z.string().trim().max(200, 'At most 200 characters'),
	/** An absolute folder; null while none is chosen. */
	exportFolder: z.string().max(4096).nullable(),
	receiver: ReceiverSettings,
	modelsDir: z.string().max(4096).nullable(),
	/** Threads for the language model; 0 lets it choose. */
	llmThreads: z.number().int().min(0, 'At least 0 (automatic)').max(256, 'At most 256'),
	hl7: Hl7Settings.default(defaultHl7Settings),
	pacs: PacsSettings.default(defaultPacsSettings),
});
export type Settings = z.infer<typeof Settings>;

/** A change to the settings: any top-level field, and any receiver field on its own. */
export const SettingsPatch = Settings.extend({ receiver: ReceiverSettings.partial().strict() }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** What a folder is checked for: exports write into it; a model set is only read. */
export const FolderCheck = z.object({ folder: z.string().max(4096), access: z.enum(['write', 'read']) }).strict();
export const FolderCheckResult = z.object({
	/** The folder as the server will use it. */
	folder: z.string(),
	/** Why it cannot be used, in words for the reader; null when it can. */
	problem: z.string().nullable(),
});
export type FolderCheckResult = z.infer<typeof FolderCheckResult>;

export const appContract = {
	'app.info': { input: z.object({}).strict(), output: AppInfo },
	'settings.get': { input: z.object({}).strict(), output: Settings },
	'settings.update': { input: SettingsPatch, output: Settings },
	'settings.checkFolder': { input: FolderCheck, output: FolderCheckResult },
} as const;
