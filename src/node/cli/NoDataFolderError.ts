/** A command that reads an existing data folder was pointed at one without a workstation database. */
export class NoDataFolderError extends Error {
	override readonly name = 'NoDataFolderError';
}
