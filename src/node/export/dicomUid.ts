import { randomUUID } from 'node:crypto';

/** A new globally unique DICOM UID under the UUID root 2.25 (PS3.5 B.2): no organisation root needed. */
export function newDicomUid(): string {
	return `2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`).toString(10)}`;
}
