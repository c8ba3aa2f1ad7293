import crypto from 'node:crypto';

const crlf = Buffer.from('\r\n');

/** The boundary parameter of a multipart content type, quoted or not. */
function boundaryOf(contentType: string): string | null {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * The parts of a multipart/related body (RFC 2387), as DICOMweb servers send instances. Each part's
 * headers are skipped; its body runs to the CRLF before the next delimiter.
 */
export function readMultipartRelated(body: Buffer, contentType: string): Buffer[] {
	const boundary = boundaryOf(contentType);
	if (!boundary) throw new Error(`No multipart boundary in "${contentType}"`);
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: Buffer[] = [];
	let at = body.indexOf(delimiter);
	while (at >= 0) {
		const afterDelimiter = at + delimiter.length;
		if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
		const headersEnd = body.indexOf('\r\n\r\n', afterDelimiter);
		if (headersEnd < 0) break;
		const next = body.indexOf(Buffer.concat([crlf, delimiter]), headersEnd + 4);
		if (next < 0) break;
		parts.push(body.subarray(headersEnd + 4, next));
		at = next + 2;
	}
	return parts;
}

/** A multipart/related body of DICOM files for STOW-RS, and the content type that names its boundary. */
export function writeMultipartRelated(files: readonly Uint8Array[]): { body: Buffer; contentType: string } {
	const boundary = `radialog-${crypto.randomUUID()}`;
	const pieces: Buffer[] = [];
	for (const file of files) {
		pieces.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(file), crlf);
	}
	pieces.push(Buffer.from(`--${boundary}--\r\n`));
	return {
		body: Buffer.concat(pieces),
		contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`,
	};
}
