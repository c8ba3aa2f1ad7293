/** Who sent a file and what it was called, for the audit log when it is refused. */
export interface ImportOrigin {
	readonly actor: string;
	readonly file: string;
}
