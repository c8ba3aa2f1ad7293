import { createRequire } from 'node:module';
import { newDicomUid } from './dicomUid.js';
import { signerLine, warningLines, type ReportDocument } from './ReportDocument.js';
import { signerPersonName } from './signerPersonName.js';

// dcmjs ships no types; this is the slice of its API the SR writer uses.
interface DcmjsData {
	DicomMetaDictionary: { denaturalizeDataset(d: Record<string, unknown>): Record<string, unknown> };
	DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
}
const dcmjs = createRequire(import.meta.url)('dcmjs') as { data: DcmjsData };

export const basicTextSrClass = '1.2.840.10008.5.1.4.1.1.88.11';
const explicitVrLittleEndian = '1.2.840.10008.1.2.1';

const code = (value: string, scheme: string, meaning: string) => [
	{ CodeValue: value, CodingSchemeDesignator: scheme, CodeMeaning: meaning },
];
const text = (concept: ReturnType<typeof code>, value: string, relationship = 'CONTAINS') => ({
	RelationshipType: relationship,
	ValueType: 'TEXT',
	ConceptNameCodeSequence: concept,
	TextValue: value,
});
const container = (concept: ReturnType<typeof code>, children: object[]) => ({
	RelationshipType: 'CONTAINS',
	ValueType: 'CONTAINER',
	ConceptNameCodeSequence: concept,
	ContinuityOfContent: 'SEPARATE',
	ContentSequence: children,
});

function dicomDateTime(iso: string): { date: string; time: string } {
	const d = new Date(iso);
	const p = (n: number, w = 2) => String(n).padStart(w, '0');
	return {
		date: `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`,
		time: `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`,
	};
}

/**
 * The images' Study ID, else one the SR can stand behind: a DICOMDIR needs one for every study. The
 * accession number where it fits (SH, 16 characters) since sites often use it so; else the tail of the
 * Study Instance UID, the same for every export of the study.
 */
function studyIdFor(s: ReportDocument['study']): string {
	if (s.studyId?.trim()) return s.studyId;
	const accession = s.accessionNumber?.trim() ?? '';
	return accession && accession.length <= 16 ? accession : s.studyInstanceUid.replace(/\D/g, '').slice(-16);
}

/** The SR's own UIDs, and the earlier SR of the same report it supersedes (after an addendum). */
export interface SrUids {
	readonly series: string;
	readonly instance: string;
	readonly predecessor?: { readonly series: string; readonly instance: string };
}

/**
 * The report as a DICOM Basic Text SR (TID 2000 layout: Findings and Impressions containers) in the
 * same study as the images, referencing them in Current Requested Procedure Evidence. A draft is
 * PARTIAL/UNVERIFIED and says DRAFT in a Comment; a signed report is COMPLETE/VERIFIED with its reader.
 * With a predecessor, the SR lists it in the Predecessor Documents Sequence: this one replaces it.
 */
export function srExport(
	doc: ReportDocument,
	uids: SrUids = { series: newDicomUid(), instance: newDicomUid() },
): Uint8Array {
	const { DicomMetaDictionary, DicomDict } = dcmjs.data;
	const s = doc.study;
	const signed = doc.status === 'signed';
	const content = dicomDateTime(doc.exportedAt);
	const children: object[] = [];
	for (const w of warningLines(doc)) children.push(text(code('121106', 'DCM', 'Comment'), w));
	children.push(
		container(code('121070', 'DCM', 'Findings'), [
			text(code('121071', 'DCM', 'Finding'), doc.findings.trim() || '(none written)'),
		]),
	);
	children.push(
		container(code('121072', 'DCM', 'Impressions'), [
			text(code('121073', 'DCM', 'Impression'), doc.impression.trim() || '(none written)'),
		]),
	);
	// The Verifying Observer Name is a person name (PN) alone: the credentials go in a Comment beside it.
	const signer = signerLine(doc, doc.signedBy);
	if (signed && signer !== doc.signedBy) children.push(text(code('121106', 'DCM', 'Comment'), `Signed by ${signer}`));
	for (const a of doc.addenda)
		children.push(
			text(
				code('121106', 'DCM', 'Comment'),
				`Addendum (signed by ${signerLine(doc, a.signedBy)} on ${a.signedAt}): ${a.text.trim()}`,
			),
		);
	const bySeries = new Map<string, { ReferencedSOPClassUID: string; ReferencedSOPInstanceUID: string }[]>();
	for (const i of doc.instances) {
		const list = bySeries.get(i.seriesInstanceUid) ?? [];
		list.push({ ReferencedSOPClassUID: i.sopClassUid, ReferencedSOPInstanceUID: i.sopInstanceUid });
		bySeries.set(i.seriesInstanceUid, list);
	}
	const dataset: Record<string, unknown> = {
		SpecificCharacterSet: 'ISO_IR 192',
		SOPClassUID: basicTextSrClass,
		SOPInstanceUID: uids.instance,
		StudyDate: s.studyDate ?? '',
		StudyTime: s.studyTime ?? '',
		ContentDate: content.date,
		ContentTime: content.time,
		AccessionNumber: s.accessionNumber ?? '',
		Modality: 'SR',
		Manufacturer: 'RaDialog Workstation',
		ReferringPhysicianName: '',
		StudyDescription: s.description ?? '',
		SeriesDescription: signed ? 'Chest X-ray report' : 'Chest X-ray report (DRAFT, not signed)',
		PatientName: s.personName,
		PatientID: s.patientId,
		PatientBirthDate: s.patientBirthDate ?? '',
		PatientSex: s.patientSex ?? '',
		StudyInstanceUID: s.studyInstanceUid,
		SeriesInstanceUID: uids.series,
		StudyID: studyIdFor(s),
		SeriesNumber: '999',
		InstanceNumber: '1',
		ReferencedPerformedProcedureStepSequence: [],
		PerformedProcedureCodeSequence: [],
		CompletionFlag: signed ? 'COMPLETE' : 'PARTIAL',
		VerificationFlag: signed ? 'VERIFIED' : 'UNVERIFIED',
		CurrentRequestedProcedureEvidenceSequence: [
			{
				StudyInstanceUID: s.studyInstanceUid,
				ReferencedSeriesSequence: [...bySeries].map(([SeriesInstanceUID, ReferencedSOPSequence]) => ({
					SeriesInstanceUID,
					ReferencedSOPSequence,
				})),
			},
		],
		ValueType: 'CONTAINER',
		ConceptNameCodeSequence: code('18748-4', 'LN', 'Diagnostic Imaging Report'),
		ContinuityOfContent: 'SEPARATE',
		ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2000' }],
		ContentSequence: children,
	};
	if (signed && doc.signedAt) {
		const v = dicomDateTime(doc.signedAt);
		dataset.VerifyingObserverSequence = [
			{
				VerifyingObserverName: signerPersonName(doc.signedBy ?? ''),
				VerifyingOrganization: 'Unknown',
				VerificationDateTime: `${v.date}${v.time}`,
				VerifyingObserverIdentificationCodeSequence: [],
			},
		];
	}
	if (bySeries.size === 0) delete dataset.CurrentRequestedProcedureEvidenceSequence;
	if (uids.predecessor)
		dataset.PredecessorDocumentsSequence = [
			{
				StudyInstanceUID: s.studyInstanceUid,
				ReferencedSeriesSequence: [
					{
						SeriesInstanceUID: uids.predecessor.series,
						ReferencedSOPSequence: [
							{
								ReferencedSOPClassUID: basicTextSrClass,
								ReferencedSOPInstanceUID: uids.predecessor.instance,
							},
						],
					},
				],
			},
		];
	const dict = new DicomDict(
		DicomMetaDictionary.denaturalizeDataset({
			FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
			MediaStorageSOPClassUID: basicTextSrClass,
			MediaStorageSOPInstanceUID: uids.instance,
			TransferSyntaxUID: explicitVrLittleEndian,
			ImplementationClassUID: '2.25.302512716563209846437436152373093211849',
			ImplementationVersionName: 'RADIALOG_WS',
		}),
	);
	dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
	return new Uint8Array(dict.write());
}
