/**
 * Why a conversion stopped. Each names what it refused, in words a site's IT can act on.
 * The Python converter reports the first three by name (its last line on stderr, exit status 3).
 */
export class ModelLayoutMismatch extends Error {
	override readonly name = 'ModelLayoutMismatch';
}
export class UnsupportedModelConfig extends Error {
	override readonly name = 'UnsupportedModelConfig';
}
export class ConversionInputMissing extends Error {
	override readonly name = 'ConversionInputMissing';
}
export class ConverterFailed extends Error {
	override readonly name = 'ConverterFailed';
}
export class OriginalReleaseNotConvertible extends Error {
	override readonly name = 'OriginalReleaseNotConvertible';
}
