import { z } from 'zod';

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
});
export type Hl7Settings = z.infer<typeof Hl7Settings>;
export const defaultHl7Settings: Hl7Settings = {
	sendingApplication: 'RADIALOG',
	sendingFacility: '',
	receivingApplication: '',
	receivingFacility: '',
};

export const Settings = z.object({
	readerName: z.string().max(200),
	exportFolder: z.string().max(4096).nullable(),
	receiver: z.object({
		enabled: z.boolean(),
		port: z.number().int().min(1).max(65535),
		aeTitle: z
			.string()
			.min(1)
			.max(16)
			.regex(/^[ -~]+$/, 'AE titles are printable ASCII'),
	}),
	modelsDir: z.string().max(4096).nullable(),
	llmThreads: z.number().int().min(0).max(256),
	hl7: Hl7Settings.default(defaultHl7Settings),
});
export type Settings = z.infer<typeof Settings>;

export const appContract = {
	'app.info': { input: z.object({}).strict(), output: AppInfo },
	'settings.get': { input: z.object({}).strict(), output: Settings },
	'settings.update': { input: Settings.partial().strict(), output: Settings },
} as const;
