/** A DICOM DA value (YYYYMMDD) as a UTC date, or null when it is not a real calendar day. */
function day(da: string | null | undefined): Date | null {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(da?.trim() ?? '');
	if (!m) return null;
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
	return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? d : null;
}

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * The patient's age on the study date as a DICOM age string (AS): days under a month, months under two
 * years, years after, as modalities write it. Computed from the birth date and the study date whenever
 * both are valid (the PatientAge a modality sent can be wrong or stale); otherwise the PatientAge sent,
 * if it is a valid AS; otherwise null: an age is never guessed.
 */
export function patientAgeAtStudy(
	birthDate: string | null,
	studyDate: string | null,
	dicomAge: string | null,
): string | null {
	const born = day(birthDate);
	const seen = day(studyDate);
	if (born && seen && born <= seen) {
		let months = (seen.getUTCFullYear() - born.getUTCFullYear()) * 12 + seen.getUTCMonth() - born.getUTCMonth();
		if (seen.getUTCDate() < born.getUTCDate()) months--;
		if (months >= 24) return `${pad(Math.floor(months / 12))}Y`;
		if (months >= 1) return `${pad(months)}M`;
		return `${pad(Math.round((seen.getTime() - born.getTime()) / 86_400_000))}D`;
	}
	const sent = dicomAge?.trim().toUpperCase() ?? '';
	return /^\d{3}[DWMY]$/.test(sent) ? sent : null;
}
