import { z } from 'zod';

/**
 * A result that carries raw bytes (decoded pixels, exported files) next to a small JSON description.
 * Electron's structured clone moves the bytes as they are; the browser bridge sends them as an
 * octet-stream body with the description in a header, so pixels never go through JSON or base64.
 */
export interface BinaryPayload<M> {
	readonly kind: 'binary';
	readonly meta: M;
	readonly bytes: Uint8Array;
}

export function binaryPayload<M extends z.ZodTypeAny>(meta: M) {
	return z.object({
		kind: z.literal('binary'),
		meta,
		bytes: z.instanceof(Uint8Array),
	});
}

export function isBinaryPayload(value: unknown): value is BinaryPayload<unknown> {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { kind?: unknown }).kind === 'binary' &&
		(value as { bytes?: unknown }).bytes instanceof Uint8Array
	);
}
