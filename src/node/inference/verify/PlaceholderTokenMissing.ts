import { ModelSetError } from '../modelErrors.js';

/** An image placeholder id of the manifest is not in the GGUF's vocabulary, or is an ordinary text token. */
export class PlaceholderTokenMissing extends ModelSetError {
	override readonly name = 'PlaceholderTokenMissing';
}
