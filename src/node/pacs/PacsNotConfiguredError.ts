import { PacsError } from './PacsErrors.js';

/** The PACS asked for is not in the settings (or none is set up, or none is marked default). */
export class PacsNotConfiguredError extends PacsError {
	override readonly name = 'PacsNotConfiguredError';
	constructor(pacsId: string | undefined) {
		super(
			pacsId
				? `No PACS "${pacsId}" is set up; check Settings → PACS.`
				: 'No PACS is set up: add one in Settings → PACS and mark it default.',
		);
	}
}
