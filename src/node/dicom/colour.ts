/** Colour layouts to interleaved RGB, the one colour form the viewer and the models take. */

export function planarToInterleaved(planes: Uint8Array, pixelCount: number): Uint8Array {
	const out = new Uint8Array(pixelCount * 3);
	for (let i = 0; i < pixelCount; i++) {
		out[i * 3] = planes[i]!;
		out[i * 3 + 1] = planes[pixelCount + i]!;
		out[i * 3 + 2] = planes[2 * pixelCount + i]!;
	}
	return out;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** YBR_FULL (ITU-R BT.601 full range, PS3.3 C.7.6.3.1.2) to RGB, in place on interleaved samples. */
export function ybrFullToRgb(px: Uint8Array): void {
	for (let i = 0; i + 2 < px.length; i += 3) {
		const y = px[i]!;
		const cb = px[i + 1]! - 128;
		const cr = px[i + 2]! - 128;
		px[i] = clamp(y + 1.402 * cr);
		px[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
		px[i + 2] = clamp(y + 1.772 * cb);
	}
}

/** YBR_FULL_422 native data stores Y1 Y2 Cb Cr for each pair of pixels; expands to interleaved YBR_FULL. */
export function ybr422ToYbrFull(src: Uint8Array, pixelCount: number): Uint8Array {
	const out = new Uint8Array(pixelCount * 3);
	for (let p = 0, s = 0; p < pixelCount; p += 2, s += 4) {
		const cb = src[s + 2]!;
		const cr = src[s + 3]!;
		out.set([src[s]!, cb, cr], p * 3);
		if (p + 1 < pixelCount) out.set([src[s + 1]!, cb, cr], (p + 1) * 3);
	}
	return out;
}
