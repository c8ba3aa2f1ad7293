import { deflateSync } from 'node:zlib';
import type { DecodedImage } from '../../common/domain/DecodedImage.js';

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/**
 * A grayscale 8-bit PNG of a decoded frame for the PDF's key image: the file's window (or the full
 * range), MONOCHROME1 inverted, nearest-neighbour scaled down to `maxSide`. node:zlib does the deflate;
 * PNG's container is a few lines, so no image library is pulled in for it.
 */
export function keyImagePng(im: DecodedImage, maxSide = 768): Uint8Array {
	const scale = Math.min(1, maxSide / Math.max(im.rows, im.columns));
	const w = Math.max(1, Math.round(im.columns * scale)),
		h = Math.max(1, Math.round(im.rows * scale));
	const lo = im.windowCenter !== null && im.windowWidth ? im.windowCenter - im.windowWidth / 2 : im.minValue;
	const hi = im.windowCenter !== null && im.windowWidth ? im.windowCenter + im.windowWidth / 2 : im.maxValue;
	const span = hi - lo || 1;
	const invert = im.photometricInterpretation === 'MONOCHROME1';
	const raw = Buffer.alloc((w + 1) * h);
	for (let y = 0; y < h; y++) {
		const sy = Math.min(im.rows - 1, Math.floor(y / scale));
		raw[y * (w + 1)] = 0;
		for (let x = 0; x < w; x++) {
			const sx = Math.min(im.columns - 1, Math.floor(x / scale));
			const i = (sy * im.columns + sx) * im.samplesPerPixel;
			const v =
				im.samplesPerPixel === 3 ? (im.pixels[i]! + im.pixels[i + 1]! + im.pixels[i + 2]!) / 3 : im.pixels[i]!;
			let g = Math.round(((v - lo) / span) * 255);
			g = g < 0 ? 0 : g > 255 ? 255 : g;
			raw[y * (w + 1) + 1 + x] = invert ? 255 - g : g;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8;
	ihdr[9] = 0;
	ihdr[10] = 0;
	ihdr[11] = 0;
	ihdr[12] = 0;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', new Uint8Array()),
	]);
}
