/** Errors of the model stack; each names the file and the manifest it came from. */
export class ModelSetError extends Error {
	constructor(
		message: string,
		readonly manifestPath: string,
		readonly file?: string,
	) {
		super(
			file ? `${message} (file: ${file}; manifest: ${manifestPath})` : `${message} (manifest: ${manifestPath})`,
		);
	}
}

export class InvalidManifest extends ModelSetError {
	override readonly name = 'InvalidManifest';
}
export class ModelFileMissing extends ModelSetError {
	override readonly name = 'ModelFileMissing';
}
export class ModelHashMismatch extends ModelSetError {
	override readonly name = 'ModelHashMismatch';
}
export class ModelShapeMismatch extends ModelSetError {
	override readonly name = 'ModelShapeMismatch';
}
export class ModelFileCorrupt extends ModelSetError {
	override readonly name = 'ModelFileCorrupt';
}
export class NotALanguageModel extends ModelSetError {
	override readonly name = 'NotALanguageModel';
}
/** The model process died (crash, out of memory, killed); the next call starts a fresh one. */
export class ModelProcessCrashed extends Error {
	override readonly name = 'ModelProcessCrashed';
}
/** The image could not be used (e.g. the DICOM decoder rejected the file). */
export class ImageUnusable extends Error {
	override readonly name = 'ImageUnusable';
}
