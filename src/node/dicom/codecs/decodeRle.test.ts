import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PixelDataMismatchError } from '../PixelDataMismatchError.js';
import { decodeRle } from './decodeRle.js';

/** An RLE frame: the 64-byte header of offsets, then the segments as given. */
function frame(...segments: number[][]): Uint8Array {
	const out = new Uint8Array(64 + segments.reduce((n, s) => n + s.length, 0));
	const view = new DataView(out.buffer);
	view.setUint32(0, segments.length, true);
	let at = 64;
	segments.forEach((s, i) => {
		view.setUint32(4 + 4 * i, at, true);
		out.set(s, at);
		at += s.length;
	});
	return out;
}

const tooFew = /RLE segment 1 holds fewer pixels/;

test('RLE literal runs, repeat runs and the -128 no-op decode', () => {
	assert.deepEqual([...decodeRle(frame([3, 10, 11, 12, 13]), 4, 1, 8)], [10, 11, 12, 13]);
	assert.deepEqual([...decodeRle(frame([0xfd, 7]), 4, 1, 8)], [7, 7, 7, 7], '-3 repeats the byte 4 times');
	assert.deepEqual([...decodeRle(frame([0x80, 1, 5, 6, 0x80]), 2, 1, 8)], [5, 6], '-128 is skipped');
	const long = [...decodeRle(frame([0x81, 9, 39, ...Array.from({ length: 40 }, (_, i) => i)]), 168, 1, 8)];
	assert.deepEqual(long, [...Array<number>(128).fill(9), ...Array.from({ length: 40 }, (_, i) => i)]);
});

test('RLE 16-bit and colour segments land in their byte lanes, most significant first', () => {
	assert.deepEqual([...decodeRle(frame([1, 0x12, 0x34], [1, 0x56, 0x78]), 2, 1, 16)], [0x56, 0x12, 0x78, 0x34]);
	assert.deepEqual([...decodeRle(frame([0xff, 1], [0xff, 2], [0xff, 3]), 2, 3, 8)], [1, 2, 3, 1, 2, 3]);
});

test('RLE runs that cross the segment end are refused, never read from the next segment', () => {
	// A literal run claiming 4 bytes with 2 left: the next segment's bytes are not pixels of this one.
	assert.throws(() => decodeRle(frame([3, 1, 2], [3, 9, 9, 9, 9]), 4, 1, 16), tooFew);
	// A repeat run whose byte is missing: the segment was cut short.
	assert.throws(() => decodeRle(frame([0, 1, 0xff], [2, 9, 9, 9]), 3, 1, 16), tooFew);
	assert.throws(() => decodeRle(frame([0, 1, 0xff]), 3, 1, 8), tooFew);
});

test('RLE truncated or overlong segments are a size mismatch; one pad byte is not', () => {
	assert.throws(() => decodeRle(frame([3, 1, 2]), 4, 1, 8), PixelDataMismatchError);
	assert.throws(() => decodeRle(frame([0xfe, 1]), 4, 1, 8), tooFew);
	assert.deepEqual([...decodeRle(frame([1, 4, 5, 0]), 2, 1, 8)], [4, 5], 'one pad byte');
	assert.throws(() => decodeRle(frame([1, 4, 5, 0, 0, 0]), 2, 1, 8), /holds more pixels/);
	// A run longer than the image is cut at the image's end, as before.
	assert.deepEqual([...decodeRle(frame([0xfb, 3]), 2, 1, 8)], [3, 3]);
	assert.throws(() => decodeRle(new Uint8Array(10), 1, 1, 8), /shorter than its header/);
	assert.throws(() => decodeRle(frame([0, 1]), 1, 1, 16), /has 1 segments, expected 2/);
});

/** The byte-at-a-time decoder this one replaced, for valid input. */
function reference(segment: Uint8Array, pixelCount: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < segment.length && out.length < pixelCount;) {
		const n = (segment[i++]! << 24) >> 24;
		if (n >= 0) for (let k = 0; k <= n && out.length < pixelCount; k++) out.push(segment[i++]!);
		else if (n !== -128) {
			const b = segment[i++]!;
			for (let k = 0; k < 1 - n && out.length < pixelCount; k++) out.push(b);
		}
	}
	return out;
}

test('RLE decodes random run mixes exactly as a byte-at-a-time decoder', () => {
	let seed = 7;
	const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) | 0;
	for (let round = 0; round < 200; round++) {
		const segment: number[] = [];
		let pixels = 0;
		const target = 50 + random(400);
		while (pixels < target) {
			const kind = random(3);
			const length = 1 + random(kind === 2 ? 3 : 128);
			if (kind === 0) {
				segment.push(length - 1, ...Array.from({ length }, () => random(256)));
				pixels += length;
			} else if (kind === 1 && length > 1) {
				segment.push(257 - length, random(256));
				pixels += length;
			} else segment.push(0x80);
		}
		const bytes = Uint8Array.from(segment);
		const expected = reference(bytes, pixels);
		assert.deepEqual([...decodeRle(frame(segment), pixels, 1, 8)], expected, `round ${round}`);
	}
});
