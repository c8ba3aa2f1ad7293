import type { IdentityConflict, StoredPlace } from './IdentityConflict.js';

/** The identity of an incoming image: the patient key (ID and issuer) and its study and series UIDs. */
export interface IncomingPlace {
	readonly patientId: string;
	readonly issuer: string;
	readonly studyInstanceUid: string;
	readonly seriesInstanceUid: string;
	readonly sopInstanceUid: string;
}

/** What is stored under the incoming image's SOP Instance, Series and Study UIDs (each absent if new). */
export interface StoredPlaces {
	readonly instance?: StoredPlace;
	readonly series?: StoredPlace;
	readonly study?: StoredPlace;
}

/**
 * The first rule the image breaks, most specific first: its SOP Instance UID stored under another patient,
 * study or series; its series under another study or patient; its study under another patient. An image is
 * keyed by (patient ID + issuer, study, series), as Orthanc keys it, so a modality that reuses a UID for
 * two patients cannot put one patient's image into the other's study.
 */
export function findIdentityConflict(file: IncomingPlace, stored: StoredPlaces): IdentityConflict | null {
	const refused = ': refused, not merged.';
	const samePatient = (s: StoredPlace) => s.patientId === file.patientId && s.issuer === file.issuer;
	if (stored.instance) {
		const s = stored.instance;
		const differs = [
			samePatient(s) ? '' : patientLabel(file.patientId, file.issuer),
			s.studyInstanceUid === file.studyInstanceUid ? '' : `study ${file.studyInstanceUid}`,
			s.seriesInstanceUid === file.seriesInstanceUid ? '' : `series ${file.seriesInstanceUid}`,
		].filter(Boolean);
		if (differs.length)
			return {
				what: 'instance_place',
				stored: s,
				message:
					`Image ${file.sopInstanceUid} is already stored under ${placeLabel(s, true)}; ` +
					`this file names ${differs.join(' / ')}${refused}`,
			};
	}
	if (stored.series) {
		const s = stored.series;
		const differs = [
			samePatient(s) ? '' : patientLabel(file.patientId, file.issuer),
			s.studyInstanceUid === file.studyInstanceUid ? '' : `study ${file.studyInstanceUid}`,
		].filter(Boolean);
		if (differs.length)
			return {
				what: 'series_place',
				stored: s,
				message:
					`Series ${file.seriesInstanceUid} is already stored under ${placeLabel(s, false)}; ` +
					`this file names ${differs.join(' / ')}${refused}`,
			};
	}
	if (stored.study && !samePatient(stored.study))
		return {
			what: 'study_patient',
			stored: stored.study,
			message:
				`Study ${file.studyInstanceUid} is already stored under ` +
				`${patientLabel(stored.study.patientId, stored.study.issuer)}; ` +
				`this file names ${patientLabel(file.patientId, file.issuer)}${refused}`,
		};
	return null;
}

function placeLabel(s: StoredPlace, withSeries: boolean): string {
	const parts = [patientLabel(s.patientId, s.issuer), `study ${s.studyInstanceUid}`];
	if (withSeries && s.seriesInstanceUid) parts.push(`series ${s.seriesInstanceUid}`);
	return parts.join(' / ');
}

/** An empty Patient ID is stored under the issuer "study:<uid>" so strangers are never merged. */
function patientLabel(patientId: string, issuer: string): string {
	if (!patientId) return 'a patient without a Patient ID';
	return issuer ? `patient ${patientId} (issuer ${issuer})` : `patient ${patientId}`;
}
