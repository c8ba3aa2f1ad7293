/** An HL7 acknowledgement's verdict: MSA-1, MSA-2 and the text a person can read (MSA-3, ERR-8). */
export interface HL7Ack {
	readonly code: string;
	readonly controlId: string;
	readonly text: string;
}

/** Reads an ACK's MSA (and ERR) segments; null where the answer has no MSA. */
export function readAck(ack: string): HL7Ack | null {
	const segments = ack.split(/\r\n?|\n/).filter(Boolean);
	const msh = segments.find((s) => s.startsWith('MSH'));
	const sep = msh?.[3] ?? '|';
	const fields = (name: string) => segments.find((s) => s.startsWith(name + sep))?.split(sep) ?? null;
	const msa = fields('MSA');
	if (!msa) return null;
	const err = fields('ERR');
	const component = msh?.[4] ?? '^';
	const readable = [msa[3], err?.[8], err?.[3]?.split(component)[1]].filter((t): t is string => Boolean(t?.trim()));
	return { code: msa[1] ?? '', controlId: msa[2] ?? '', text: readable[0] ?? '' };
}
