import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import type { ReportLabeler } from '../../common/labeler/ReportLabeler.js';
import { positiveLabels } from '../../common/labeler/ReportLabels.js';
import { RuleBasedReportLabeler } from '../../common/labeler/RuleBasedReportLabeler.js';
import { createReportLabeler } from './createReportLabeler.js';

/**
 * The workstation's report labeler for the model folder in use: the folder's labeler model when its
 * manifest lists one, the rules otherwise (createReportLabeler decides). Made on first use and remade
 * when the folder changes, as the assistant is.
 *
 * Unlike `radialog label` and `eval`, which stop on a labeler that cannot be loaded, the consistency
 * guard must not stop a reader from signing because a model file is broken: it checks with the rules
 * instead and says so through `onUnavailable` (once per folder), never silently.
 */
export class LabelerProvider {
	private current: { dir: string | null; labeler: Promise<ReportLabeler> } | null = null;

	constructor(
		private readonly modelsDir: () => string | null,
		private readonly onUnavailable: (message: string) => void = () => {},
	) {}

	async get(): Promise<ReportLabeler> {
		const dir = this.modelsDir();
		if (this.current && this.current.dir === dir) return this.current.labeler;
		await this.close();
		const labeler = createReportLabeler(dir ? { manifestPath: dir } : {}).catch((err: unknown) => {
			this.onUnavailable(
				"the model folder's report labeler cannot be used, so the rules check the report: " +
					(err instanceof Error ? err.message : String(err)),
			);
			return new RuleBasedReportLabeler();
		});
		this.current = { dir, labeler };
		return labeler;
	}

	/** The observations the text states as present (for the consistency guard). */
	async positiveLabels(text: string): Promise<ChexpertLabel[]> {
		const [labels] = await (await this.get()).label([text]);
		return positiveLabels(labels!);
	}

	async start(): Promise<void> {}

	async stop(): Promise<void> {
		await this.close();
	}

	private async close(): Promise<void> {
		const c = this.current;
		this.current = null;
		await c?.labeler.then((l) => l.close()).catch(() => undefined);
	}
}
