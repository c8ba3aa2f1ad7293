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
});
export type Settings = z.infer<typeof Settings>;

export const appContract = {
	'app.info': { input: z.object({}).strict(), output: AppInfo },
	'settings.get': { input: z.object({}).strict(), output: Settings },
	'settings.update': { input: Settings.partial().strict(), output: Settings },
} as const;
