import { type PhantomCase, samplePhantomCase } from './PhantomCase.js';
import { Prng } from './Prng.js';
import { writeFindingsSection } from './sentenceBank.js';

/** Every phantom says what it is, in the image header and wherever its data goes. */
export const phantomNotice = 'Synthetic phantom: demo data, not a patient, not for clinical use';

export interface PhantomStudy {
	readonly case: PhantomCase;
	/** Ground-truth findings section, from the sentence bank. */
	readonly findingsText: string;
	readonly patient: {
		readonly name: string;
		readonly id: string;
		readonly birthDate: string;
		readonly sex: 'F' | 'M';
	};
	readonly study: {
		readonly studyInstanceUid: string;
		readonly seriesInstanceUid: string;
		readonly sopInstanceUid: string;
		/** YYYYMMDD and HHMMSS, as DICOM writes them. */
		readonly date: string;
		readonly time: string;
		readonly accessionNumber: string;
		readonly description: string;
	};
}

const given = [
	'Alex',
	'Sam',
	'Robin',
	'Kim',
	'Jo',
	'Charlie',
	'Noa',
	'Eli',
	'Mika',
	'Toni',
	'Ari',
	'Jules',
	'Lou',
	'Nico',
	'Rene',
	'Sascha',
];
const family = ['Phantom', 'Demo', 'Testcase', 'Sample', 'Synthetic'];

/** A UID under the 2.25 root (a UUID as a decimal integer), drawn from the seed so it is reproducible. */
function uid(rng: Prng): string {
	let n = 0n;
	for (let k = 0; k < 4; k++) n = (n << 32n) | BigInt(Math.floor(rng.next() * 4294967296));
	return `2.25.${n.toString()}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dateAfter(base: Date, days: number): string {
	const d = new Date(base.getTime() + days * 86400000);
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** One synthetic patient with one PA chest study, fully determined by its seed. */
export function phantomStudy(seed: number): PhantomStudy {
	const c = samplePhantomCase(seed);
	const r = new Prng(seed).fork(21);
	const sex = r.chance(0.5) ? 'F' : 'M';
	const age = r.int(24, 88);
	const studyDate = dateAfter(new Date(Date.UTC(2026, 0, 5)), r.int(0, 300));
	const birthDate = `${Number(studyDate.slice(0, 4)) - age}${pad(r.int(1, 12))}${pad(r.int(1, 28))}`;
	return {
		case: c,
		findingsText: writeFindingsSection(c),
		patient: { name: `${r.pick(family)}^${r.pick(given)}`, id: `PH${pad(seed % 1000000, 6)}`, birthDate, sex },
		study: {
			studyInstanceUid: uid(r),
			seriesInstanceUid: uid(r),
			sopInstanceUid: uid(r),
			date: studyDate,
			time: `${pad(r.int(7, 19))}${pad(r.int(0, 59))}${pad(r.int(0, 59))}`,
			accessionNumber: `DEMO${pad(seed % 100000000, 8)}`,
			description: 'XR CHEST PA (synthetic phantom)',
		},
	};
}
