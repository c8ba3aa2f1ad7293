/**
 * A peer broke the DICOM upper-layer protocol (PS3.8): a PDU over the advertised size, an unknown or
 * unexpected PDU, or one that cannot be read. The association is aborted with `reason` in the A-ABORT.
 */
export class MalformedPduError extends Error {
	override readonly name = 'MalformedPduError';

	/** A-ABORT reasons (PS3.8 9.3.8): 1 unrecognized PDU, 2 unexpected PDU, 6 invalid PDU parameter value. */
	constructor(
		message: string,
		readonly reason: 1 | 2 | 6 = 6,
	) {
		super(message);
	}
}
