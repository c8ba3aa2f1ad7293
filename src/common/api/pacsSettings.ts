import { z } from 'zod';

const aeTitle = z
	.string()
	.trim()
	.min(1, 'Enter an AE title')
	.max(16, 'AE titles have at most 16 characters')
	.regex(/^[ -~]+$/, 'AE titles are printable ASCII');
const port = z.number().int().min(1, 'Ports run from 1 to 65535').max(65535, 'Ports run from 1 to 65535');

/** How the workstation proves itself to a DICOMweb server. */
export const PacsAuth = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('none') }),
	z.object({
		kind: z.literal('basic'),
		user: z.string().min(1, 'Enter a user name').max(256),
		password: z.string().max(1024),
	}),
	z.object({ kind: z.literal('bearer'), token: z.string().min(1, 'Enter a token').max(8192) }),
]);
export type PacsAuth = z.infer<typeof PacsAuth>;

const identity = {
	/** Stable key: the outbox and retrieved studies remember a PACS by it. */
	id: z.string().trim().min(1).max(64),
	/** What the reader sees, e.g. "Main PACS". */
	name: z.string().trim().min(1, 'Enter a name').max(120),
};

/** A PACS spoken to over DICOMweb (QIDO-RS, WADO-RS, STOW-RS). */
export const DicomWebPacs = z.object({
	...identity,
	kind: z.literal('dicomweb'),
	/** The service root, e.g. https://pacs.example.org/dicom-web (no trailing slash needed). */
	baseUrl: z
		.string()
		.trim()
		.url('Enter a full http:// or https:// address')
		.refine((url) => /^https?:\/\//i.test(url), 'DICOMweb addresses start with http:// or https://'),
	/** A PEM file of the certificate authority the hospital's server certificate is signed by. */
	caFile: z.string().max(4096).nullable().default(null),
	auth: PacsAuth.default({ kind: 'none' }),
});
export type DicomWebPacs = z.infer<typeof DicomWebPacs>;

/** A PACS spoken to over DIMSE (C-ECHO, C-FIND, C-GET or C-MOVE, C-STORE). */
export const DimsePacs = z.object({
	...identity,
	kind: z.literal('dimse'),
	aeTitle,
	host: z.string().trim().min(1, 'Enter a host').max(255),
	port,
	/** Our AE title as this PACS knows it (for C-MOVE it must be configured there as a destination). */
	ourAeTitle: aeTitle,
	/** C-MOVE sends images back to our receiver; C-GET brings them on the same association. */
	retrieveWith: z.enum(['c-get', 'c-move']).default('c-get'),
});
export type DimsePacs = z.infer<typeof DimsePacs>;

export const PacsConnection = z.discriminatedUnion('kind', [DicomWebPacs, DimsePacs]);
export type PacsConnection = z.infer<typeof PacsConnection>;

/** Fetches new studies in the background and drafts them before anyone opens them. */
export const AutoFetchRule = z.object({
	enabled: z.boolean(),
	/** Which PACS to poll; null means the default one. */
	pacsId: z.string().max(64).nullable(),
	modalities: z.array(z.string().regex(/^[A-Z]{2,4}$/)).max(8),
	/** Studies of the last N hours. */
	lastHours: z.number().int().min(1, 'At least 1 hour').max(720, 'At most 720 hours'),
	everyMinutes: z.number().int().min(1, 'At least 1 minute').max(1440, 'At most 1440 minutes'),
});
export type AutoFetchRule = z.infer<typeof AutoFetchRule>;

export const PacsSettings = z
	.object({
		connections: z.array(PacsConnection).max(16),
		/** Where a report goes when its study did not come from a PACS. */
		defaultId: z.string().max(64).nullable(),
		autoFetch: AutoFetchRule,
	})
	.refine((s) => new Set(s.connections.map((c) => c.id)).size === s.connections.length, 'Two PACS share one id')
	.refine((s) => s.defaultId === null || s.connections.some((c) => c.id === s.defaultId), 'Unknown default PACS');
export type PacsSettings = z.infer<typeof PacsSettings>;

export const defaultPacsSettings: PacsSettings = {
	connections: [],
	defaultId: null,
	autoFetch: { enabled: false, pacsId: null, modalities: ['CR', 'DX'], lastHours: 24, everyMinutes: 5 },
};

/** Where signed reports go as HL7 v2 ORU^R01 over MLLP; null sends none. */
export const MllpDestination = z.object({ host: z.string().trim().min(1, 'Enter a host').max(255), port });
export type MllpDestination = z.infer<typeof MllpDestination>;
