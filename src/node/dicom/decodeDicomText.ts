/**
 * DICOM text values to Unicode, per Specific Character Set (0008,0005), as PS3.5 6.1 and Annex H-K
 * describe and dcmtk and pydicom do. The codecs are the WHATWG decoders Node ships (ICU); what is
 * DICOM's own is choosing one per value and, for the ISO 2022 forms, per escape-sequence segment.
 */

import { TextDecoder } from 'node:util';

/** Defined Terms without code extensions (one character set for the whole value). */
const singleByte: Record<string, string> = {
	'': 'latin1',
	ISO_IR_6: 'latin1',
	ISO_IR_100: 'latin1',
	ISO_IR_101: 'iso-8859-2',
	ISO_IR_109: 'iso-8859-3',
	ISO_IR_110: 'iso-8859-4',
	ISO_IR_144: 'iso-8859-5',
	ISO_IR_127: 'iso-8859-6',
	ISO_IR_126: 'iso-8859-7',
	ISO_IR_138: 'iso-8859-8',
	ISO_IR_148: 'iso-8859-9',
	ISO_IR_203: 'iso-8859-15',
	ISO_IR_166: 'windows-874',
	ISO_IR_13: 'shift_jis',
	ISO_IR_192: 'utf-8',
	GB18030: 'gb18030',
	GBK: 'gbk',
};

/** The ISO 2022 terms: the decoder of the bytes that follow each one's escape sequence. */
const escapes: readonly { readonly term: string; readonly escape: string; readonly codec: string }[] = [
	{ term: 'ISO_2022_IR_6', escape: '\x1b(B', codec: 'latin1' },
	{ term: 'ISO_2022_IR_100', escape: '\x1b-A', codec: 'latin1' },
	{ term: 'ISO_2022_IR_101', escape: '\x1b-B', codec: 'iso-8859-2' },
	{ term: 'ISO_2022_IR_109', escape: '\x1b-C', codec: 'iso-8859-3' },
	{ term: 'ISO_2022_IR_110', escape: '\x1b-D', codec: 'iso-8859-4' },
	{ term: 'ISO_2022_IR_144', escape: '\x1b-L', codec: 'iso-8859-5' },
	{ term: 'ISO_2022_IR_127', escape: '\x1b-G', codec: 'iso-8859-6' },
	{ term: 'ISO_2022_IR_126', escape: '\x1b-F', codec: 'iso-8859-7' },
	{ term: 'ISO_2022_IR_138', escape: '\x1b-H', codec: 'iso-8859-8' },
	{ term: 'ISO_2022_IR_148', escape: '\x1b-M', codec: 'iso-8859-9' },
	{ term: 'ISO_2022_IR_203', escape: '\x1b-b', codec: 'iso-8859-15' },
	{ term: 'ISO_2022_IR_166', escape: '\x1b-T', codec: 'windows-874' },
	{ term: 'ISO_2022_IR_13', escape: '\x1b)I', codec: 'shift_jis' },
	{ term: 'ISO_2022_IR_13', escape: '\x1b(J', codec: 'shift_jis' },
	// JIS X 0208 in G0: the WHATWG ISO-2022-JP decoder reads it when given its escape sequence back.
	{ term: 'ISO_2022_IR_87', escape: '\x1b$B', codec: 'iso-2022-jp' },
	// KS X 1001 and GB 2312 in G1: the bytes are EUC-KR and EUC-CN (GB 18030 is its superset).
	{ term: 'ISO_2022_IR_149', escape: '\x1b$)C', codec: 'euc-kr' },
	{ term: 'ISO_2022_IR_58', escape: '\x1b$)A', codec: 'gb18030' },
];

const decoders = new Map<string, TextDecoder>();

function decodeWith(codec: string, bytes: Uint8Array): string {
	// WHATWG's "iso-8859-1" is windows-1252; DICOM's ISO_IR 100 is the real Latin-1.
	if (codec === 'latin1') return Buffer.from(bytes).toString('latin1');
	let d = decoders.get(codec);
	if (!d) decoders.set(codec, (d = new TextDecoder(codec)));
	return d.decode(bytes);
}

/** The Specific Character Set's values, normalised ("ISO 2022 IR 87" and "ISO_2022_IR_87" alike). */
export function characterSetTerms(value: string | null | undefined): string[] {
	return (value ?? '').split('\\').map((v) => v.trim().replace(/[ -]/g, '_').toUpperCase());
}

/** Unknown Defined Terms are decoded as Latin-1 (dcmtk warns and does the same) rather than refused. */
function baseCodec(term: string | undefined): string {
	const t = (term ?? '').replace(/^ISO_2022_/, 'ISO_');
	return singleByte[t] ?? 'latin1';
}

/**
 * Decodes one text value's bytes. With code extensions (ISO 2022), each escape sequence switches the
 * decoder until the next; for person names and multi-valued text, `^`, `=` and `\` return to the first
 * character set, as PS3.5 6.1.2.5.3 requires of writers.
 */
export function decodeDicomText(bytes: Uint8Array, specificCharacterSet: string | null | undefined): string {
	const terms = characterSetTerms(specificCharacterSet);
	const first = baseCodec(terms[0]);
	if (terms.length < 2 && !terms[0]?.startsWith('ISO_2022')) return decodeWith(first, bytes);
	let out = '';
	let codec = first;
	let escape = '';
	let start = 0;
	const flush = (end: number) => {
		if (end <= start) return;
		// The JIS decoder needs its escape sequence; the others read the bytes alone.
		const prefix = codec === 'iso-2022-jp' ? Buffer.from(escape, 'latin1') : Buffer.alloc(0);
		out += decodeWith(codec, Buffer.concat([prefix, bytes.subarray(start, end)]));
	};
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b === 0x1b) {
			const match = escapes.find((e) => matchesAt(bytes, i, e.escape));
			if (!match) continue;
			flush(i);
			codec = match.codec;
			escape = match.escape;
			i += match.escape.length - 1;
			start = i + 1;
		} else if (isDelimiter(b) && codec !== first && codec !== 'iso-2022-jp') {
			// (Inside JIS X 0208 these bytes are halves of a character; writers switch back before delimiters.)
			flush(i);
			codec = first;
			start = i;
		}
	}
	flush(bytes.length);
	return out;
}

function isDelimiter(b: number): boolean {
	return b === 0x5e || b === 0x3d || b === 0x5c || b === 0x0d || b === 0x0a;
}

function matchesAt(bytes: Uint8Array, at: number, escape: string): boolean {
	for (let k = 0; k < escape.length; k++) if (bytes[at + k] !== escape.charCodeAt(k)) return false;
	return true;
}
