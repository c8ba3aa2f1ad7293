import type { BinaryPayload } from '../../common/api/binaryPayload.js';
import type { FrameMeta, StudyDetail } from '../../common/api/studiesContract.js';
import type { DecodedImage } from '../../common/domain/DecodedImage.js';
import { decodeDicomBytes } from '../dicom/decodeDicom.js';
import type { OriginalsStore } from './OriginalsStore.js';
import type { SqliteStudyStore } from '../store/SqliteStudyStore.js';
import type { StudyImage } from '../../common/api/studiesContract.js';
import { ApiError } from '../../common/api/errors.js';
import { patientAgeAtStudy } from '../../common/domain/patientAgeAtStudy.js';
import { notDisplayableText } from './notDisplayableText.js';

/** Reads studies for the viewer and the models: the header, the images, one decoded frame. */
export class StudyService {
	constructor(
		private readonly store: SqliteStudyStore,
		private readonly originals: OriginalsStore,
	) {}

	get(studyId: number): StudyDetail {
		const s = this.store.study(studyId);
		if (!s) throw new ApiError('not_found', `Study ${studyId} does not exist.`);
		return {
			studyId: s.id,
			studyInstanceUid: s.study_instance_uid,
			patientName: s.name,
			patientPersonName: s.person_name,
			patientId: s.patient_id,
			patientSex: s.sex,
			patientAge: patientAgeAtStudy(s.birth_date, s.study_date, s.patient_age),
			patientBirthDate: s.birth_date,
			studyDate: s.study_date,
			studyTime: s.study_time,
			accessionNumber: s.accession_number,
			dicomStudyId: s.dicom_study_id,
			description: s.description,
			referringPhysician: s.referring_physician,
			modality: s.modality,
			bodyPart: s.body_part,
			status: s.status as StudyDetail['status'],
			priority: s.priority as StudyDetail['priority'],
			images: this.images(studyId),
		};
	}

	/** Frontal views first (PA, then AP), then laterals and the rest, each in series/instance order. */
	images(studyId: number): StudyImage[] {
		const rank = (v: string | null) => (v === 'PA' ? 0 : v === 'AP' ? 1 : 2);
		const rows = this.store
			.instancesOfStudy(studyId)
			.map((r, order) => ({ r, order }))
			.sort((a, b) => rank(a.r.view_position) - rank(b.r.view_position) || a.order - b.order)
			.map((x) => x.r);
		return rows.map((i) => ({
			instanceId: i.id,
			sopInstanceUid: i.sop_instance_uid,
			seriesNumber: i.series_number,
			instanceNumber: i.instance_number,
			modality: i.series_modality,
			viewPosition: i.view_position,
			rows: i.rows,
			columns: i.columns,
			frames: i.frames,
			notDisplayable: i.not_displayable ? notDisplayableText(i.not_displayable) : null,
		}));
	}

	/** The stored original of an instance, as a path (for the models and exports). */
	instanceFile(instanceId: number): string {
		const i = this.store.instance(instanceId);
		if (!i) throw new ApiError('not_found', `Image ${instanceId} does not exist.`);
		return this.originals.pathOf(i.file_sha256);
	}

	async decodeFrame(instanceId: number, frame = 0): Promise<DecodedImage> {
		const i = this.store.instance(instanceId);
		if (!i) throw new ApiError('not_found', `Image ${instanceId} does not exist.`);
		if (i.not_displayable) throw new ApiError('unavailable', notDisplayableText(i.not_displayable));
		return decodeDicomBytes(this.originals.read(i.file_sha256), frame);
	}

	async frame(instanceId: number, frame = 0): Promise<BinaryPayload<FrameMeta> & { bytes: Uint8Array<ArrayBuffer> }> {
		const im = await this.decodeFrame(instanceId, frame);
		const px = im.pixels;
		return {
			kind: 'binary',
			meta: {
				instanceId,
				frame,
				rows: im.rows,
				columns: im.columns,
				samplesPerPixel: im.samplesPerPixel,
				photometricInterpretation: im.photometricInterpretation,
				dataType: dataTypeOf(px),
				minValue: im.minValue,
				maxValue: im.maxValue,
				windowCenter: im.windowCenter,
				windowWidth: im.windowWidth,
				rescaleSlope: im.rescaleSlope,
				rescaleIntercept: im.rescaleIntercept,
				pixelSpacing: im.pixelSpacing ? [im.pixelSpacing[0], im.pixelSpacing[1]] : null,
				pixelSpacingSource: im.pixelSpacing ? (im.pixelSpacingSource ?? null) : null,
				patientOrientation: im.patientOrientation ? [im.patientOrientation[0], im.patientOrientation[1]] : null,
				imageLaterality: im.imageLaterality ?? null,
				voiLut: im.voiLut ? { ...im.voiLut, data: [...im.voiLut.data] } : null,
				numberOfFrames: im.numberOfFrames ?? 1,
			},
			bytes: new Uint8Array(px.buffer as ArrayBuffer, px.byteOffset, px.byteLength),
		};
	}
}

function dataTypeOf(px: DecodedImage['pixels']): FrameMeta['dataType'] {
	if (px instanceof Float32Array) return 'float32';
	if (px instanceof Int32Array) return 'int32';
	if (px instanceof Int16Array) return 'int16';
	if (px instanceof Uint16Array) return 'uint16';
	return 'uint8';
}
