import { UsageError } from '../parseArgs.js';

export const summary =
	'Query, retrieve from and send to a PACS (--pacs is a DICOMweb URL or dicom://AET@host:port): ' +
	'radialog pacs studies --pacs URL [--patient ID] [--since YYYYMMDD] [--json]; ' +
	'radialog pacs retrieve STUDY_UID --pacs URL [--move-port P] [--data-dir D] [--json]; ' +
	'radialog pacs send STUDY_ID --pacs URL [--data-dir D] [--json]';

/** `radialog pacs` alone: its subcommands live in pacs-studies.ts, pacs-retrieve.ts and pacs-send.ts. */
export function run(argv: string[]): Promise<number> {
	const sub = argv[0];
	return Promise.reject(
		new UsageError(sub ? `unknown subcommand "${sub}"; use studies, retrieve or send.` : 'give a subcommand.'),
	);
}
