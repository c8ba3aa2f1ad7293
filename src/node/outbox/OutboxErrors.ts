import { ApiError } from '../../common/api/errors.js';

/** The destination did not answer (down, unreachable, no acknowledgement in time): tried again later. */
export class DestinationUnreachableError extends Error {
	override readonly name = 'DestinationUnreachableError';
}

/** The destination answered no, or cannot be reached as configured: waits for someone to act. */
export class DeliveryRefusedError extends Error {
	override readonly name = 'DeliveryRefusedError';
}

export class OutboxItemNotFoundError extends ApiError {
	constructor(itemId: number) {
		super('not_found', `The outbox has no item ${itemId}.`, 'OutboxItemNotFoundError');
	}
}
