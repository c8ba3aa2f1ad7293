import type { ApiHandlers } from '../../common/api/contract.js';
import type { Outbox } from './Outbox.js';

/** The outbox calls; outboxModule returns these. */
export function outboxHandlers(outbox: Outbox): Pick<ApiHandlers, 'outbox.list' | 'outbox.retry'> {
	return {
		'outbox.list': () => Promise.resolve(outbox.list()),
		'outbox.retry': ({ itemId }) => Promise.resolve(outbox.retry(itemId)),
	};
}
