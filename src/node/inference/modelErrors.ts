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
/**
 * The model process died (crash, out of memory, killed) or could no longer be reached: the calls it had
 * fail with this; the next call starts a fresh one. `detail` says how it ended, for the log.
 */
export class ModelProcessCrashed extends Error {
	override readonly name = 'ModelProcessCrashed';
	constructor(readonly detail: string) {
		super(`The AI model stopped unexpectedly; try again. (The model process ${detail}.)`);
	}
}
/** The model set was closed while calls were open (the model folder changed, the workstation is closing). */
export class ModelProcessClosed extends Error {
	override readonly name = 'ModelProcessClosed';
	constructor() {
		super('The AI model was closed while it worked (model folder changed or workstation closing); try again.');
	}
}
/** The image could not be used (e.g. the DICOM decoder rejected the file). */
export class ImageUnusable extends Error {
	override readonly name = 'ImageUnusable';
}
/** An error of another kind, thrown in the model process; `name` and message are the original's. */
export class ModelProcessFailed extends Error {
	constructor(name: string, message: string) {
		super(message);
		this.name = name;
	}
}
