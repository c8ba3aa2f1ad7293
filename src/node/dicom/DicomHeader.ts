import { decodeDicomText } from './decodeDicomText.js';
import type { DicomDataSet } from './parseDicomBytes.js';

/** The attributes the store and the worklist need from one instance; absent values are null. */
export interface DicomHeader {
	readonly sopInstanceUid: string;
	readonly sopClassUid: string | null;
	readonly transferSyntaxUid: string;
	readonly studyInstanceUid: string;
	readonly seriesInstanceUid: string;
	readonly patientId: string;
	readonly issuerOfPatientId: string;
	/** Readable, "Family, Given Middle" (what the worklist shows and sorts by). */
	readonly patientName: string;
	/** The DICOM person name decoded to Unicode, components kept ("Müller^Hans"), or null when absent. */
	readonly patientPersonName: string | null;
	readonly patientBirthDate: string | null;
	readonly patientSex: string | null;
	readonly patientAge: string | null;
	readonly studyDate: string | null;
	readonly studyTime: string | null;
	readonly accessionNumber: string | null;
	/** Study ID (0020,0010), the site's own short study number. */
	readonly dicomStudyId: string | null;
	readonly studyDescription: string | null;
	/** Referring Physician's Name (0008,0090), the DICOM person name decoded, components kept. */
	readonly referringPhysician: string | null;
	readonly modality: string | null;
	readonly bodyPart: string | null;
	readonly seriesNumber: number | null;
	readonly instanceNumber: number | null;
	readonly viewPosition: string | null;
	readonly rows: number | null;
	readonly columns: number | null;
	readonly frames: number;
	readonly hasPixelData: boolean;
}

/**
 * A text attribute decoded per the data set's Specific Character Set, without its padding. A NUL
 * inside a value (invalid, but seen) shows as U+FFFD instead of silently cutting the rest off.
 */
export function text(ds: DicomDataSet, tag: string): string | null {
	const el = ds.elements[tag];
	if (!el || el.dataOffset === undefined) return null;
	const raw = ds.byteArray.subarray(el.dataOffset, el.dataOffset + el.length);
	const t = decodeDicomText(raw, ds.string('x00080005'))
		.replace(/[\0 ]+$/, '')
		.trim()
		.replace(/\0/g, '\uFFFD');
	return t ? t : null;
}

function int(ds: DicomDataSet, tag: string): number | null {
	const v = ds.intString(tag);
	return v === undefined || Number.isNaN(v) ? null : v;
}

/** A DICOM person name (Family^Given^Middle) as a reader writes it: "Family, Given Middle". */
export function readablePersonName(pn: string | null): string {
	if (!pn) return '';
	const [family = '', given = '', middle = ''] = pn.split('=')[0]!.split('^');
	const rest = [given, middle].filter(Boolean).join(' ');
	return family && rest ? `${family}, ${rest}` : family || rest;
}

export function readDicomHeader(ds: DicomDataSet): DicomHeader {
	const personName = text(ds, 'x00100010');
	return {
		sopInstanceUid: text(ds, 'x00080018') ?? text(ds, 'x00020003') ?? '',
		sopClassUid: text(ds, 'x00080016') ?? text(ds, 'x00020002'),
		transferSyntaxUid: text(ds, 'x00020010') ?? '1.2.840.10008.1.2',
		studyInstanceUid: text(ds, 'x0020000d') ?? '',
		seriesInstanceUid: text(ds, 'x0020000e') ?? '',
		patientId: text(ds, 'x00100020') ?? '',
		issuerOfPatientId: text(ds, 'x00100021') ?? '',
		patientName: readablePersonName(personName),
		patientPersonName: personName,
		patientBirthDate: text(ds, 'x00100030'),
		patientSex: text(ds, 'x00100040'),
		patientAge: text(ds, 'x00101010'),
		studyDate: text(ds, 'x00080020'),
		studyTime: text(ds, 'x00080030'),
		accessionNumber: text(ds, 'x00080050'),
		dicomStudyId: text(ds, 'x00200010'),
		studyDescription: text(ds, 'x00081030'),
		referringPhysician: text(ds, 'x00080090'),
		modality: text(ds, 'x00080060'),
		bodyPart: text(ds, 'x00180015'),
		seriesNumber: int(ds, 'x00200011'),
		instanceNumber: int(ds, 'x00200013'),
		viewPosition: text(ds, 'x00185101'),
		rows: ds.uint16('x00280010') ?? null,
		columns: ds.uint16('x00280011') ?? null,
		frames: Math.max(1, int(ds, 'x00280008') ?? 1),
		hasPixelData: Boolean(ds.elements.x7fe00010),
	};
}
