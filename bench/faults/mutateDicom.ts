import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { Prng } from '../../src/common/phantoms/Prng.js';

// dcmjs ships no types; the slice used to rewrite headers.
interface Element {
	vr: string;
	Value: unknown[];
}
interface Dict {
	meta: Record<string, Element>;
	dict: Record<string, Element>;
	write(): ArrayBuffer;
}
const dcmjs = createRequire(import.meta.url)('dcmjs') as {
	data: { DicomMessage: { readFile(b: ArrayBuffer, o?: object): Dict } };
};

/** The kinds of damage a hostile or unlucky site produces; each mutated file says which it got. */
export const mutationKinds = [
	'bytes',
	'truncate',
	'garbage-tail',
	'patient-swap',
	'series-collide',
	'sop-collide',
	'bits-stored-0',
	'rows-changed',
	'ts-relabel',
	'slope-huge',
	'frames-changed',
	'charset',
] as const;
export type MutationKind = (typeof mutationKinds)[number];

const tags = {
	patientId: '00100020',
	patientName: '00100010',
	studyUid: '0020000D',
	seriesUid: '0020000E',
	sopUid: '00080018',
	bitsStored: '00280101',
	rows: '00280010',
	slope: '00281053',
	frames: '00280008',
	charset: '00080005',
	transferSyntax: '00020010',
};

const uid = (rng: Prng) => `2.25.${Math.floor(rng.next() * 1e15)}${Math.floor(rng.next() * 1e15)}`;

function rewrite(bytes: Buffer, rng: Prng, kind: MutationKind): Buffer | null {
	const ab = new Uint8Array(bytes).buffer;
	const d = dcmjs.data.DicomMessage.readFile(ab, { untilTag: undefined });
	const set = (tag: string, vr: string, value: unknown) => {
		d.dict[tag] = { vr, Value: [value] };
	};
	const other = `FAULT${rng.int(10000, 99999)}`;
	if (kind === 'patient-swap') {
		// Same study, series and instance UIDs as the original, another patient.
		set(tags.patientId, 'LO', other);
		set(tags.patientName, 'PN', { Alphabetic: `OTHER^${other}` });
	} else if (kind === 'series-collide') {
		// The modality bug: a new instance and study of another patient in an existing series.
		set(tags.patientId, 'LO', other);
		set(tags.studyUid, 'UI', uid(rng));
		set(tags.sopUid, 'UI', uid(rng));
	} else if (kind === 'sop-collide') {
		set(tags.studyUid, 'UI', uid(rng));
		set(tags.seriesUid, 'UI', uid(rng));
	} else if (kind === 'bits-stored-0') set(tags.bitsStored, 'US', 0);
	else if (kind === 'rows-changed') set(tags.rows, 'US', rng.int(1, 4096));
	else if (kind === 'slope-huge') set(tags.slope, 'DS', rng.chance(0.5) ? 1e308 : 0);
	else if (kind === 'frames-changed') set(tags.frames, 'IS', rng.int(2, 50));
	else if (kind === 'charset') {
		set(tags.charset, 'CS', ['ISO_IR 192', 'ISO_IR 100', 'ISO 2022 IR 87', 'GB18030', 'BOGUS'][rng.int(0, 4)]);
		set(tags.patientName, 'PN', { Alphabetic: `M\u00fcller^\u5c71\u7530\u0007${other}` });
	} else if (kind === 'ts-relabel') {
		const syntaxes = [
			'1.2.840.10008.1.2.1',
			'1.2.840.10008.1.2.4.50',
			'1.2.840.10008.1.2.4.90',
			'1.2.840.10008.1.2.5',
		];
		d.meta[tags.transferSyntax] = { vr: 'UI', Value: [syntaxes[rng.int(0, syntaxes.length - 1)]] };
	}
	if (kind !== 'patient-swap' && kind !== 'sop-collide' && kind !== 'series-collide')
		set(tags.sopUid, 'UI', uid(rng));
	// The meta header names the instance too; a clean mutation keeps the two in step.
	const sop = d.dict[tags.sopUid]?.Value[0];
	if (sop && d.meta['00020003']) d.meta['00020003'] = { vr: 'UI', Value: [sop] };
	return Buffer.from(d.write());
}

/** Byte-level damage, for files dcmjs cannot rewrite and for the byte kinds themselves. */
function damage(bytes: Buffer, rng: Prng, kind: MutationKind): Buffer {
	const out = Buffer.from(bytes);
	if (kind === 'truncate') return out.subarray(0, rng.int(0, out.length - 1));
	if (kind === 'garbage-tail') {
		const tail = Buffer.alloc(rng.int(1, 4096));
		for (let i = 0; i < tail.length; i++) tail[i] = rng.int(0, 255);
		return Buffer.concat([out, tail]);
	}
	const flips = rng.int(1, 64);
	for (let i = 0; i < flips; i++) out[rng.int(Math.min(132, out.length - 1), out.length - 1)] = rng.int(0, 255);
	return out;
}

/** Writes `count` mutated copies of the sources into `folder`; returns what each file got. */
export function writeMutations(sources: string[], folder: string, count: number, seed: number) {
	const rng = new Prng(seed);
	const written: { file: string; source: string; kind: MutationKind }[] = [];
	for (let i = 0; i < count; i++) {
		const source = sources[rng.int(0, sources.length - 1)]!;
		const kind = mutationKinds[rng.int(0, mutationKinds.length - 1)]!;
		const bytes = fs.readFileSync(source);
		let out: Buffer;
		try {
			out = ['bytes', 'truncate', 'garbage-tail'].includes(kind)
				? damage(bytes, rng, kind)
				: rewrite(bytes, rng, kind)!;
		} catch {
			out = damage(bytes, rng, 'bytes');
		}
		const file = path.join(folder, `m${String(i).padStart(4, '0')}-${kind}.dcm`);
		fs.writeFileSync(file, out);
		written.push({ file, source, kind });
	}
	return written;
}
