import { ModelSetError } from '../modelErrors.js';

/** The GGUF is a language model of an architecture the image-embedding path was not built for. */
export class UnsupportedArchitecture extends ModelSetError {
	override readonly name = 'UnsupportedArchitecture';
}
