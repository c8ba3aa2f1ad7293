import { PacsError } from '../PacsErrors.js';

/** Our move port is taken (the workstation's receiver runs on it, or another program). */
export class MovePortBusyError extends PacsError {
	override readonly name = 'MovePortBusyError';
	constructor(port: number, cause: string) {
		super(`Cannot receive the moved images on port ${port} (${cause}); use C-GET or free the port.`);
	}
}
