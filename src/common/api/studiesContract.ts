import { z } from 'zod';
import { binaryPayload } from './binaryPayload.js';
import { Priority, StudyStatus, WorklistQuery } from './worklistContract.js';

/** One file that could not be imported, and why, in words for the user. */
export const ImportFileError = z.object({
	file: z.string(),
	code: z.string(),
	message: z.string(),
});
export type ImportFileError = z.infer<typeof ImportFileError>;

export const ImportReport = z.object({
	jobId: z.string(),
	files: z.number().int(),
	imported: z.number().int(),
	duplicates: z.number().int(),
	failed: z.number().int(),
	studyIds: z.array(z.number().int()),
	errors: z.array(ImportFileError),
	/** Images stored (the file is kept) whose pixels cannot be shown, each with the reason. */
	notDisplayable: z.array(ImportFileError).optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportSummary = z.object({
	jobId: z.string(),
	source: z.string(),
	startedAt: z.string(),
	finishedAt: z.string().nullable(),
	files: z.number().int(),
	imported: z.number().int(),
	duplicates: z.number().int(),
	failed: z.number().int(),
	errors: z.array(ImportFileError),
});

export const StudyImage = z.object({
	instanceId: z.number().int(),
	sopInstanceUid: z.string(),
	seriesNumber: z.number().int().nullable(),
	instanceNumber: z.number().int().nullable(),
	modality: z.string().nullable(),
	viewPosition: z.string().nullable(),
	rows: z.number().int().nullable(),
	columns: z.number().int().nullable(),
	frames: z.number().int(),
	/** "Stored but not displayable": why the pixels cannot be shown; null or absent when they can. */
	notDisplayable: z.string().nullable().optional(),
});
export type StudyImage = z.infer<typeof StudyImage>;

export const StudyDetail = z.object({
	studyId: z.number().int(),
	studyInstanceUid: z.string(),
	patientName: z.string(),
	/** The DICOM person name with its components ("Müller^Hans"); null if imported before it was kept. */
	patientPersonName: z.string().nullable(),
	patientId: z.string(),
	patientSex: z.string().nullable(),
	/** DICOM age string at the study date: computed from the birth date when known, else the PatientAge sent. */
	patientAge: z.string().nullable(),
	patientBirthDate: z.string().nullable(),
	studyDate: z.string().nullable(),
	studyTime: z.string().nullable(),
	accessionNumber: z.string().nullable(),
	/** Study ID (0020,0010); null if imported before it was kept. */
	dicomStudyId: z.string().nullable(),
	description: z.string().nullable(),
	/** Referring Physician's Name (0008,0090) as a DICOM person name; null if absent or imported before it was kept. */
	referringPhysician: z.string().nullable(),
	modality: z.string().nullable(),
	bodyPart: z.string().nullable(),
	status: StudyStatus,
	priority: Priority,
	images: z.array(StudyImage),
});
export type StudyDetail = z.infer<typeof StudyDetail>;

/** How the pixel bytes of a frame are laid out; the bytes are the typed array's, little endian. */
export const FrameMeta = z.object({
	instanceId: z.number().int(),
	frame: z.number().int(),
	rows: z.number().int(),
	columns: z.number().int(),
	samplesPerPixel: z.union([z.literal(1), z.literal(3)]),
	photometricInterpretation: z.string(),
	dataType: z.enum(['uint8', 'int8', 'uint16', 'int16', 'int32', 'float32']),
	minValue: z.number(),
	maxValue: z.number(),
	windowCenter: z.number().nullable(),
	windowWidth: z.number().nullable(),
	rescaleSlope: z.number(),
	rescaleIntercept: z.number(),
	pixelSpacing: z.tuple([z.number(), z.number()]).nullable(),
	/** 'patient': Pixel Spacing (0028,0030); 'detector': Imager Pixel Spacing (0018,1164), not corrected. */
	pixelSpacingSource: z.enum(['patient', 'detector']).nullable(),
	/** Patient Orientation (0020,0020), row then column direction, e.g. ['L', 'F']; null when absent. */
	patientOrientation: z.tuple([z.string(), z.string()]).nullable(),
	imageLaterality: z.string().nullable(),
	voiLut: z.object({ firstValueMapped: z.number(), bitsPerEntry: z.number(), data: z.array(z.number()) }).nullable(),
	numberOfFrames: z.number().int(),
});
export type FrameMeta = z.infer<typeof FrameMeta>;

const StudyRef = z.object({ studyId: z.number().int() }).strict();

export const studiesContract = {
	/** Import files and folders from this machine's disk (browser mode runs on the same machine). */
	'import.paths': {
		input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
		output: ImportReport,
	},
	/** Import dropped files: their bytes back to back, split by `sizes`. Each call is one import batch. */
	'import.upload': {
		input: z
			.object({
				names: z.array(z.string().max(4096)).min(1).max(10_000),
				sizes: z.array(z.number().int().min(0)).min(1).max(10_000),
				bytes: z.instanceof(Uint8Array),
			})
			.strict()
			.refine(
				(v) => v.names.length === v.sizes.length && v.sizes.reduce((a, b) => a + b, 0) === v.bytes.length,
				'names, sizes and bytes do not match',
			),
		output: ImportReport,
	},
	'import.recent': {
		input: z.object({ limit: z.number().int().min(1).max(100).default(10) }).strict(),
		output: z.array(ImportSummary),
	},
	'study.get': { input: StudyRef, output: StudyDetail },
	/** The next or previous study in the worklist as sorted and filtered on screen (default: newest import first). */
	'study.adjacent': {
		input: z
			.object({
				studyId: z.number().int(),
				direction: z.enum(['next', 'previous']),
				worklist: WorklistQuery.omit({ offset: true, limit: true }).default({}),
			})
			.strict(),
		output: z.object({ studyId: z.number().int().nullable() }),
	},
	'image.frame': {
		input: z.object({ instanceId: z.number().int(), frame: z.number().int().min(0).default(0) }).strict(),
		output: binaryPayload(FrameMeta),
	},
} as const;
