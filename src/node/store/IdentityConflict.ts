/** Where a study, series or image is already stored: the chain of UIDs the store keys it under. */
export interface StoredPlace {
	readonly studyId: number;
	readonly patientId: string;
	readonly issuer: string;
	readonly studyInstanceUid: string;
	readonly seriesInstanceUid: string | null;
}

/**
 * An image that would put one patient's pixels under another's study, series or image: refused, never merged.
 * `what` says which rule it broke, `message` says it in words for the user, naming what differs.
 */
export interface IdentityConflict {
	readonly what: 'study_patient' | 'series_place' | 'instance_place' | 'instance_pixels';
	readonly message: string;
	readonly stored: StoredPlace;
}
