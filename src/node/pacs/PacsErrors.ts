/** Every PACS failure, so callers can catch them as one kind and show the message as it is. */
export class PacsError extends Error {
	override readonly name: string = 'PacsError';
}

/** Nothing answered: wrong address, PACS down, network cut. Worth retrying later. */
export class PacsUnreachableError extends PacsError {
	override readonly name = 'PacsUnreachableError';
	constructor(where: string, cause: string) {
		super(`The PACS at ${where} did not answer (${cause}).`);
	}
}

/** The PACS answered but refused: bad request, missing study, a failure status. */
export class PacsRefusedError extends PacsError {
	override readonly name = 'PacsRefusedError';
	constructor(
		where: string,
		what: string,
		readonly status: number,
	) {
		// HTTP statuses read in decimal, DIMSE statuses in hexadecimal (C000), as each world writes them.
		const code = /^https?:/i.test(where)
			? `HTTP ${status}`
			: `status ${status.toString(16).toUpperCase().padStart(4, '0')}`;
		super(`The PACS at ${where} refused ${what} (${code}).`);
	}
}

/** The PACS refused our credentials; retrying will not help until settings change. */
export class PacsCredentialsError extends PacsError {
	override readonly name = 'PacsCredentialsError';
	constructor(where: string, status: number) {
		super(`The PACS at ${where} refused the workstation's credentials (HTTP ${status}); check the PACS settings.`);
	}
}
