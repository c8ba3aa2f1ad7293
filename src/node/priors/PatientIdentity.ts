/**
 * Who a study is of, as the store keeps patients apart: the Patient ID within its issuer. The name is
 * never part of it, so two patients of the same name are two patients.
 */
export interface PatientIdentity {
	readonly patientId: string;
	/** Issuer of Patient ID (0010,0021); '' where the images named none. */
	readonly issuer: string;
}
