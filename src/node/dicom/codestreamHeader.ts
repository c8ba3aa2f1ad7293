/** What the compressed stream of one frame says about itself, read from its first marker segments. */
export interface CodestreamHeader {
	readonly family: 'jpeg' | 'jpeg-ls' | 'jpeg-2000';
	/** The JPEG process, as the transfer syntaxes name them. */
	readonly process: 'dct' | 'lossless' | 'jpeg-ls' | 'jpeg-2000';
	readonly rows: number;
	readonly columns: number;
	readonly components: number;
	readonly precision: number;
}

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 65536 + u16(b, i + 2);

/**
 * Reads the frame header of a JPEG (SOF0–SOF15), JPEG-LS (SOF55) or JPEG 2000 codestream (SIZ) by its
 * magic bytes: FFD8 starts JPEG and JPEG-LS, FF4F FF51 a JPEG 2000 codestream. Null when the bytes start
 * with neither or the header is cut off (RLE, native pixels or garbage).
 */
export function readCodestreamHeader(b: Uint8Array): CodestreamHeader | null {
	const boxed = jp2Codestream(b);
	if (boxed) return readCodestreamHeader(boxed);
	if (b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51 && b.length >= 42) {
		// SIZ: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz (tile sizes) Csiz, then Ssiz per component.
		const columns = u32(b, 8) - u32(b, 16);
		const rows = u32(b, 12) - u32(b, 20);
		return {
			family: 'jpeg-2000',
			process: 'jpeg-2000',
			rows,
			columns,
			components: u16(b, 40),
			precision: ((b[42] ?? 0) & 0x7f) + 1,
		};
	}
	if (b[0] !== 0xff || b[1] !== 0xd8) return null;
	for (let pos = 2; pos + 9 < b.length;) {
		if (b[pos] !== 0xff) return null;
		const marker = b[pos + 1]!;
		if (marker === 0xff) {
			pos++;
			continue;
		}
		const seg = pos + 4;
		const sof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
		if (sof || marker === 0xf7) {
			const lossless = [0xc3, 0xc7, 0xcb, 0xcf].includes(marker);
			return {
				family: marker === 0xf7 ? 'jpeg-ls' : 'jpeg',
				process: marker === 0xf7 ? 'jpeg-ls' : lossless ? 'lossless' : 'dct',
				precision: b[seg]!,
				rows: u16(b, seg + 1),
				columns: u16(b, seg + 3),
				components: b[seg + 5]!,
			};
		}
		if (marker === 0xda || marker === 0xd9) return null;
		pos += 2 + u16(b, pos + 2);
	}
	return null;
}

/** The codestream inside a JP2 file (boxes; some encoders put one in DICOM): its 'jp2c' box's content. */
function jp2Codestream(b: Uint8Array): Uint8Array | null {
	if (u32(b, 0) !== 12 || u32(b, 4) !== 0x6a502020) return null;
	for (let pos = 0; pos + 8 <= b.length;) {
		let size = u32(b, pos);
		let header = 8;
		if (size === 1) {
			size = u32(b, pos + 8) * 2 ** 32 + u32(b, pos + 12);
			header = 16;
		}
		if (u32(b, pos + 4) === 0x6a703263) return b.subarray(pos + header);
		if (size < header) return null;
		pos += size;
	}
	return null;
}
