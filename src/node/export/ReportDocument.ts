/** Everything an export needs about one report, gathered once by the reporting service. */
export interface ReportDocument {
	readonly reportId: number;
	readonly versionNo: number;
	readonly status: 'draft' | 'signed';
	readonly findings: string;
	readonly impression: string;
	readonly signedBy: string | null;
	/** ISO 8601 (UTC). */
	readonly signedAt: string | null;
	readonly addenda: readonly { readonly text: string; readonly signedBy: string; readonly signedAt: string }[];
	readonly aiGenerated: boolean;
	/** The model set's notice ("Demo models, synthetic data, not for clinical use"), or null. */
	readonly modelNotice: string | null;
	/** The positive CheXpert findings the reader stands behind. */
	readonly acceptedFindings: readonly string[];
	readonly study: {
		readonly studyInstanceUid: string;
		/** Readable ("Müller, Hans"), for people. */
		readonly patientName: string;
		/** DICOM PN with its components ("Müller^Hans"), for machines: SR, HL7, FHIR. */
		readonly personName: string;
		readonly patientId: string;
		readonly patientSex: string | null;
		readonly patientBirthDate: string | null;
		readonly studyDate: string | null;
		readonly studyTime: string | null;
		readonly accessionNumber: string | null;
		/** Study ID (0020,0010), null where the images had none or were imported before it was kept. */
		readonly studyId: string | null;
		readonly description: string | null;
	};
	readonly instances: readonly {
		readonly seriesInstanceUid: string;
		readonly sopClassUid: string;
		readonly sopInstanceUid: string;
	}[];
	/** When the export is made (ISO 8601); passed in so outputs are reproducible in tests. */
	readonly exportedAt: string;
	/** The reader at the workstation when exporting, with the credentials from the settings. */
	readonly reader?: { readonly name: string; readonly credentials: string };
}

export const draftMark = 'DRAFT — AI-generated, not signed';

/** Lines every export carries above the report text: the draft mark and the model notice. */
export function warningLines(doc: ReportDocument): string[] {
	const lines: string[] = [];
	if (doc.status !== 'signed') lines.push(doc.aiGenerated ? draftMark : 'DRAFT — not signed');
	if (doc.aiGenerated && doc.modelNotice) lines.push(`Drafted with AI assistance. ${doc.modelNotice}`);
	return lines;
}

/**
 * A signer as reports print them: "Dr. Ada Reader, MD, Consultant Radiologist". Credentials are the
 * settings' of the reader at the workstation, so they are added only beside that reader's own name.
 */
export function signerLine(doc: ReportDocument, signedBy: string | null): string {
	const name = signedBy ?? '';
	const r = doc.reader;
	return r && r.credentials && name.trim() === r.name.trim() ? `${name}, ${r.credentials}` : name;
}

/**
 * A DICOM PN from the readable name where the PN itself was not kept: "Family, Given Middle" is how the
 * readable name is made, so it splits back; anything else is all family name (a PACS still files it).
 */
export function personNameFromReadable(readable: string): string {
	if (readable.includes('^')) return readable;
	const m = /^([^,]+),\s*(\S+)(?:\s+(.+))?$/.exec(readable.trim());
	return m ? [m[1]!.trim(), m[2]!, m[3]?.trim() ?? ''].join('^').replace(/\^+$/, '') : readable.trim();
}

/** The components of a PN's first non-empty group (alphabetic, else ideographic, else phonetic). */
export function personNameParts(pn: string): {
	family: string;
	given: string;
	middle: string;
	prefix: string;
	suffix: string;
} {
	const group = pn.split('=').find((g) => g.replace(/\^/g, '').trim()) ?? '';
	const [family = '', given = '', middle = '', prefix = '', suffix = ''] = group.split('^').map((c) => c.trim());
	return { family, given, middle, prefix, suffix };
}

/** DICOM PN ("Family^Given") to a readable name. */
export function readableName(pn: string): string {
	const [family = '', given = '', middle = '', prefix = '', suffix = ''] = pn.split('^');
	return [prefix, given, middle, family, suffix].filter(Boolean).join(' ').trim() || pn;
}

/** DICOM DA (YYYYMMDD) to YYYY-MM-DD, or the input when it is not one. */
export function isoDate(da: string | null): string | null {
	if (!da) return null;
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(da.trim());
	return m ? `${m[1]}-${m[2]}-${m[3]}` : da;
}

export function sexWord(sex: string | null): string {
	return sex === 'M' ? 'male' : sex === 'F' ? 'female' : sex === 'O' ? 'other' : 'unknown';
}

/** An ISO instant as a reader writes it: "2026-11-27 20:56 UTC". */
export function readableTime(iso: string | null): string {
	if (!iso) return 'unknown time';
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
	return m ? `${m[1]} ${m[2]} UTC` : iso;
}
