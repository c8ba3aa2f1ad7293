/** A file the importer refused, with the reason to show the user (`code` is snake_case, e.g. `dicomdir`). */
export class ImportFileRejected extends Error {
	override readonly name = 'ImportFileRejected';
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}
