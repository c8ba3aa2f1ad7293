import { createRequire } from 'node:module';
import { type PhantomImage } from '../../common/phantoms/renderPhantom.js';
import { phantomNotice, type PhantomStudy } from '../../common/phantoms/PhantomStudy.js';

// dcmjs ships no types; this is the slice of its API the writer uses.
interface DcmjsData {
	DicomMetaDictionary: { denaturalizeDataset(d: Record<string, unknown>): Record<string, unknown> };
	DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
}
const dcmjs = createRequire(import.meta.url)('dcmjs') as { data: DcmjsData };

/** Digital X-Ray Image Storage, For Presentation. */
const dxForPresentation = '1.2.840.10008.5.1.4.1.1.1.1';
const explicitVrLittleEndian = '1.2.840.10008.1.2.1';
/** Detector pixel pitch: a 1024-pixel image spans about 41 cm, a plausible PA chest field. */
const pixelPitchMm = 0.4;

/** Chest, from CID 4031 (Common Anatomic Regions). */
const chest = { CodeValue: '43799004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Chest' };
/** Postero-anterior, from CID 4010 (DX View). */
const posteroAnterior = { CodeValue: '399348003', CodingSchemeDesignator: 'SCT', CodeMeaning: 'postero-anterior' };

/** A DICOM Part 10 file (DX, 16-bit allocated, 12 stored, MONOCHROME2) for one phantom. */
export function writePhantomDicom(s: PhantomStudy, image: PhantomImage): Uint8Array {
	const { DicomMetaDictionary, DicomDict } = dcmjs.data;
	const pitch = (pixelPitchMm * 1024) / image.size;
	const meta = {
		FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
		MediaStorageSOPClassUID: dxForPresentation,
		MediaStorageSOPInstanceUID: s.study.sopInstanceUid,
		TransferSyntaxUID: explicitVrLittleEndian,
		ImplementationClassUID: '2.25.302512716563209846437436152373093211849',
		ImplementationVersionName: 'RADIALOG_PHANTOM',
	};
	const dataset = {
		SpecificCharacterSet: 'ISO_IR 192',
		ImageType: ['DERIVED', 'PRIMARY'],
		SOPClassUID: dxForPresentation,
		SOPInstanceUID: s.study.sopInstanceUid,
		StudyDate: s.study.date,
		SeriesDate: s.study.date,
		ContentDate: s.study.date,
		StudyTime: s.study.time,
		ContentTime: s.study.time,
		AccessionNumber: s.study.accessionNumber,
		Modality: 'DX',
		PresentationIntentType: 'FOR PRESENTATION',
		Manufacturer: 'RaDialog Workstation phantom generator',
		InstitutionName: 'Synthetic data',
		ReferringPhysicianName: '',
		StudyDescription: s.study.description,
		SeriesDescription: 'PA (synthetic phantom)',
		PatientName: s.patient.name,
		PatientID: s.patient.id,
		PatientBirthDate: s.patient.birthDate,
		PatientSex: s.patient.sex,
		PatientComments: phantomNotice,
		BodyPartExamined: 'CHEST',
		AnatomicRegionSequence: [chest],
		// The chest is one unpaired region, not a left or right one.
		ImageLaterality: 'U',
		ViewPosition: 'PA',
		ViewCodeSequence: [{ ...posteroAnterior, ViewModifierCodeSequence: [] }],
		// Type 2, left empty: no positioner or detector made this image, and naming one would claim it.
		PositionerType: '',
		DetectorType: '',
		AcquisitionContextSequence: [],
		StudyInstanceUID: s.study.studyInstanceUid,
		SeriesInstanceUID: s.study.seriesInstanceUid,
		StudyID: '1',
		SeriesNumber: '1',
		InstanceNumber: '1',
		PatientOrientation: ['L', 'F'],
		ImageComments: phantomNotice,
		SamplesPerPixel: 1,
		PhotometricInterpretation: 'MONOCHROME2',
		Rows: image.size,
		Columns: image.size,
		PixelSpacing: [pitch, pitch],
		ImagerPixelSpacing: [pitch, pitch],
		BitsAllocated: 16,
		BitsStored: 12,
		HighBit: 11,
		PixelRepresentation: 0,
		WindowCenter: 2048,
		WindowWidth: 4096,
		RescaleIntercept: 0,
		RescaleSlope: 1,
		RescaleType: 'US',
		// Stored value = 150 + 3800·(1 − transmission): linear in beam intensity, brighter where less reaches.
		PixelIntensityRelationship: 'LIN',
		PixelIntensityRelationshipSign: -1,
		PresentationLUTShape: 'IDENTITY',
		BurnedInAnnotation: 'NO',
		LossyImageCompression: '00',
		PixelData: [
			image.pixels.buffer.slice(image.pixels.byteOffset, image.pixels.byteOffset + image.pixels.byteLength),
		],
		_vrMap: { PixelData: 'OW' },
	};
	const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
	dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
	return new Uint8Array(dict.write());
}
