/** Turns decoded sample bytes into typed stored values, honouring bits stored and signedness. */

export type StoredArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Int32Array | Float32Array;

export interface SampleLayout {
	readonly bitsAllocated: number;
	readonly bitsStored: number;
	readonly signed: boolean;
	readonly bigEndian: boolean;
}

/** Copies into an aligned buffer (sources are often at odd offsets inside the file) and fixes byte order. */
export function samplesFromBytes(bytes: Uint8Array, layout: SampleLayout, owned = false): StoredArray {
	const { bitsAllocated, signed } = layout;
	// A codec's fresh, aligned output buffer can be used in place instead of copied.
	if (
		owned &&
		!layout.bigEndian &&
		bitsAllocated === 16 &&
		bytes.byteOffset % 2 === 0 &&
		bytes.byteLength % 2 === 0 &&
		!Buffer.isBuffer(bytes)
	) {
		return signed
			? new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
			: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
	}
	if (bitsAllocated === 8) {
		// new Uint8Array(view) copies; Buffer#slice would share the file's memory.
		const out = new Uint8Array(bytes);
		return signed ? new Int8Array(out.buffer) : out;
	}
	if (bitsAllocated === 16) {
		const n = bytes.length >> 1;
		const raw = new Uint8Array(n * 2);
		if (layout.bigEndian) {
			for (let i = 0; i < n * 2; i += 2) {
				raw[i] = bytes[i + 1]!;
				raw[i + 1] = bytes[i]!;
			}
		} else raw.set(bytes.subarray(0, n * 2));
		return signed ? new Int16Array(raw.buffer) : new Uint16Array(raw.buffer);
	}
	if (bitsAllocated === 32) {
		const n = bytes.length >> 2;
		const view = new DataView(bytes.buffer, bytes.byteOffset, n * 4);
		if (signed) {
			const out = new Int32Array(n);
			for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4, !layout.bigEndian);
			return out;
		}
		const out = new Float32Array(n);
		for (let i = 0; i < n; i++) out[i] = view.getUint32(i * 4, !layout.bigEndian);
		return out;
	}
	throw new Error(`Bits allocated ${bitsAllocated} is not supported.`);
}

/**
 * Clears bits above Bits Stored (overlays and garbage live there in old files) and sign-extends
 * signed values stored in fewer bits than allocated. In place.
 */
export function normaliseStoredBits(values: StoredArray, layout: SampleLayout): void {
	const { bitsStored, bitsAllocated, signed } = layout;
	if (bitsStored >= bitsAllocated || bitsAllocated > 16 || values instanceof Float32Array) return;
	if (values instanceof Int32Array) return;
	// Shifting the stored bits to the top of 32 and back sign-extends them in one step.
	if (signed) signExtend(values, 32 - bitsStored);
	else clearHighBits(values, (1 << bitsStored) - 1);
}

function clearHighBits(values: Uint16Array | Int16Array | Uint8Array | Int8Array, mask: number): void {
	for (let i = 0; i < values.length; i++) values[i] = values[i]! & mask;
}

function signExtend(values: Uint16Array | Int16Array | Uint8Array | Int8Array, shift: number): void {
	for (let i = 0; i < values.length; i++) values[i] = (values[i]! << shift) >> shift;
}

/** Applies Rescale Slope/Intercept. Keeps an integer array when the result stays integral. */
export function applyModalityRescale(values: StoredArray, slope: number, intercept: number): StoredArray {
	if (slope === 1 && intercept === 0) return values;
	const integral = Number.isInteger(slope) && Number.isInteger(intercept);
	const out = integral ? new Int32Array(values.length) : new Float32Array(values.length);
	for (let i = 0; i < values.length; i++) out[i] = values[i]! * slope + intercept;
	return out;
}

/** The smallest and largest value; one loop per array type, so each stays a tight typed loop. */
export function minMax(values: ArrayLike<number>): { min: number; max: number } {
	if (!values.length) return { min: 0, max: 0 };
	if (values instanceof Uint16Array) return minMaxU16(values);
	if (values instanceof Int16Array) return minMaxI16(values);
	if (values instanceof Uint8Array) return minMaxU8(values);
	if (values instanceof Int32Array) return minMaxI32(values);
	return minMaxAny(values);
}

function minMaxU16(values: Uint16Array): { min: number; max: number } {
	let min = values[0]!;
	let max = min;
	for (let i = 1; i < values.length; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		else if (v > max) max = v;
	}
	return { min, max };
}

function minMaxI16(values: Int16Array): { min: number; max: number } {
	let min = values[0]!;
	let max = min;
	for (let i = 1; i < values.length; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		else if (v > max) max = v;
	}
	return { min, max };
}

function minMaxU8(values: Uint8Array): { min: number; max: number } {
	let min = values[0]!;
	let max = min;
	for (let i = 1; i < values.length; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		else if (v > max) max = v;
	}
	return { min, max };
}

function minMaxI32(values: Int32Array): { min: number; max: number } {
	let min = values[0]!;
	let max = min;
	for (let i = 1; i < values.length; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		else if (v > max) max = v;
	}
	return { min, max };
}

function minMaxAny(values: ArrayLike<number>): { min: number; max: number } {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	return { min, max };
}
