/**
 * A fast path for the radiograph case of JPEG lossless (ITU-T T.81 process 14, SOF3): one component,
 * any predictor 1–7, point transform, no restart intervals. Written from the standard for speed with
 * 16-bit detector images; any other layout returns null and goes to jpeg-lossless-decoder-js.
 */
export function decodeLosslessGray(
	data: Uint8Array,
): { width: number; height: number; precision: number; samples: Uint16Array } | null {
	let pos = 2;
	if (data[0] !== 0xff || data[1] !== 0xd8) return null;
	let width = 0,
		height = 0,
		precision = 0,
		restartInterval = 0;
	const tables: (HuffmanTable | undefined)[] = [];
	for (;;) {
		if (pos + 4 > data.length) return null;
		if (data[pos] !== 0xff) {
			pos++;
			continue;
		}
		const marker = data[pos + 1]!;
		if (marker === 0xff) {
			pos++;
			continue;
		}
		const len = (data[pos + 2]! << 8) | data[pos + 3]!;
		const seg = pos + 4;
		pos += 2 + len;
		if (marker === 0xc3) {
			precision = data[seg]!;
			height = (data[seg + 1]! << 8) | data[seg + 2]!;
			width = (data[seg + 3]! << 8) | data[seg + 4]!;
			if (data[seg + 5] !== 1 || data[seg + 7] !== 0x11) return null;
		} else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return null; // another process (DCT, arithmetic, hierarchical)
		} else if (marker === 0xc4) {
			let p = seg;
			while (p < seg + len - 2) {
				const id = data[p]! & 0x0f;
				const counts = data.subarray(p + 1, p + 17);
				let total = 0;
				for (const c of counts) total += c;
				tables[id] = new HuffmanTable(counts, data.subarray(p + 17, p + 17 + total));
				p += 17 + total;
			}
		} else if (marker === 0xdd) {
			restartInterval = (data[seg]! << 8) | data[seg + 1]!;
		} else if (marker === 0xda) {
			if (data[seg] !== 1 || !width || !height) return null;
			const table = tables[data[seg + 2]! >> 4];
			const predictor = data[seg + 3]!;
			const pointTransform = data[seg + 5]! & 0x0f;
			// Restart intervals are rare in radiographs and no test peer writes them: the library handles those.
			if (!table || predictor < 1 || predictor > 7 || restartInterval) return null;
			const samples = new Uint16Array(width * height);
			decodeScan(data, pos, samples, width, height, precision, pointTransform, predictor, table);
			return { width, height, precision, samples };
		} else if (marker === 0xd9) {
			return null;
		}
	}
}

class HuffmanTable {
	/** For each 9-bit prefix: code length << 8 | symbol, or 0 when the code is longer. */
	readonly fast = new Uint16Array(512);
	readonly maxCode = new Int32Array(18).fill(-1);
	readonly valPtr = new Int32Array(17);
	readonly minCode = new Int32Array(17);
	/**
	 * For each 12-bit prefix holding a whole code and its extra bits: bits used << 16 | (difference + 32768),
	 * or 0. Most samples of a radiograph decode with this one lookup.
	 */
	readonly fastDiff = new Int32Array(4096);
	constructor(
		counts: Uint8Array,
		readonly values: Uint8Array,
	) {
		let code = 0;
		let k = 0;
		for (let len = 1; len <= 16; len++) {
			this.valPtr[len] = k;
			this.minCode[len] = code;
			for (let i = 0; i < counts[len - 1]!; i++, k++, code++) {
				const sym = values[k]!;
				if (sym < 16 && len + sym <= 12) {
					for (let v = 0; v < 1 << sym; v++) {
						const diff = sym === 0 ? 0 : v < 1 << (sym - 1) ? v - (1 << sym) + 1 : v;
						const used = len + sym;
						const prefix = ((code << sym) | v) << (12 - used);
						for (let j = 0; j < 1 << (12 - used); j++)
							this.fastDiff[prefix | j] = (used << 16) | (diff + 32768);
					}
				}
				if (len <= 9) {
					const shift = 9 - len;
					for (let j = 0; j < 1 << shift; j++) this.fast[(code << shift) | j] = (len << 8) | values[k]!;
				}
			}
			this.maxCode[len] = counts[len - 1] ? code - 1 : -1;
			code <<= 1;
		}
		this.maxCode[17] = 0x7fffffff;
	}
}

// One function with no closures: V8 keeps the bit buffer in registers instead of a context object,
// which is most of the speed on a 6-megapixel image.
function decodeScan(
	data: Uint8Array,
	start: number,
	out: Uint16Array,
	width: number,
	height: number,
	precision: number,
	pt: number,
	predictor: number,
	table: HuffmanTable,
): void {
	const fast = table.fast;
	const fastDiff = table.fastDiff;
	const end = data.length;
	let pos = start;
	let bits = 0; // bit buffer, MSB first
	let count = 0; // valid bits in the buffer
	const initial = 1 << (precision - pt - 1);
	for (let y = 0, i = 0; y < height; y++) {
		for (let x = 0; x < width; x++, i++) {
			if (count < 16) {
				while (count <= 24) {
					let b = 0;
					if (pos < end) {
						b = data[pos]!;
						if (b !== 0xff) pos++;
						else if (data[pos + 1] === 0) pos += 2;
						else b = 0; // a marker: feed zeros, do not advance
					}
					bits = (bits << 8) | b;
					count += 8;
				}
			}
			let diff = 0;
			const fd = fastDiff[(bits >>> (count - 12)) & 4095]!;
			if (fd) {
				count -= fd >>> 16;
				diff = (fd & 0xffff) - 32768;
			} else {
				let s: number;
				const e = fast[(bits >>> (count - 9)) & 511]!;
				if (e) {
					count -= e >> 8;
					s = e & 0xff;
				} else {
					const r = slowSymbol(table, bits, count);
					count -= r >> 8;
					s = r & 0xff;
				}
				if (s === 16) diff = 32768;
				else if (s) {
					if (count < s) {
						while (count <= 24) {
							let b = 0;
							if (pos < end) {
								b = data[pos]!;
								if (b !== 0xff) pos++;
								else if (data[pos + 1] === 0) pos += 2;
								else b = 0;
							}
							bits = (bits << 8) | b;
							count += 8;
						}
					}
					count -= s;
					const v = (bits >>> count) & ((1 << s) - 1);
					diff = v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
				}
			}
			let pred: number;
			if (y === 0) pred = x === 0 ? initial : out[i - 1]!;
			else if (x === 0) pred = out[i - width]!;
			else if (predictor === 1) pred = out[i - 1]!;
			else {
				const ra = out[i - 1]!,
					rb = out[i - width]!,
					rc = out[i - width - 1]!;
				switch (predictor) {
					case 2:
						pred = rb;
						break;
					case 3:
						pred = rc;
						break;
					case 4:
						pred = ra + rb - rc;
						break;
					case 5:
						pred = ra + ((rb - rc) >> 1);
						break;
					case 6:
						pred = rb + ((ra - rc) >> 1);
						break;
					default:
						pred = (ra + rb) >> 1;
						break;
				}
			}
			out[i] = (pred + diff) & 0xffff;
		}
	}
	if (pt) for (let i = 0; i < width * height; i++) out[i] = (out[i]! << pt) & 0xffff;
}

/** Codes longer than 9 bits: returns length << 8 | symbol. */
function slowSymbol(table: HuffmanTable, bits: number, count: number): number {
	let len = 10;
	let code = (bits >>> (count - 10)) & 1023;
	while (len <= 16 && code > table.maxCode[len]!) {
		len++;
		code = (bits >>> (count - len)) & ((1 << len) - 1);
	}
	if (len > 16) throw new Error('Corrupt Huffman code in JPEG lossless data.');
	return (len << 8) | table.values[table.valPtr[len]! + code - table.minCode[len]!]!;
}
