/** Row direction then column direction, as Patient Orientation (0020,0020) letters, e.g. ['L', 'F']. */
export type ImageOrientation = readonly [row: string, column: string];

/**
 * The conventions for a chest radiograph shown as the reader expects it: frontal views with the
 * patient's right on the reader's left; laterals as seen from the side nearer the detector.
 */
const byViewPosition: Record<string, ImageOrientation> = {
	PA: ['L', 'F'],
	AP: ['L', 'F'],
	LL: ['P', 'F'],
	RL: ['A', 'F'],
};

/**
 * Where the image's rows and columns point on the patient: Patient Orientation when the file has it,
 * else the convention of its View Position. Null for anything else ("LATERAL" does not say which side):
 * a wrong letter at the image edge is worse than none.
 */
export function imageOrientation(
	patientOrientation: readonly [string, string] | null | undefined,
	viewPosition: string | null | undefined,
): ImageOrientation | null {
	if (patientOrientation) return patientOrientation;
	return byViewPosition[(viewPosition ?? '').trim().toUpperCase()] ?? null;
}
