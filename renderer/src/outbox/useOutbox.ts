import { useCallback, useEffect, useState } from 'react';
import type { OutboxList } from '../../../src/common/api/outboxContract.js';
import { useClient } from '../api/ClientContext.js';

/** The outbox as the backend lists it, asked again on every `outbox.changed` event. */
export function useOutbox(): {
	list: OutboxList | null;
	retry: (itemId: number) => void;
	error: string | null;
} {
	const client = useClient();
	const { api } = client;
	const [list, setList] = useState<OutboxList | null>(null);
	const [error, setError] = useState<string | null>(null);
	const refresh = useCallback(() => {
		api['outbox.list']({}).then(
			(l) => {
				setList(l);
				setError(null);
			},
			(e: Error) => setError(e.message),
		);
	}, [api]);
	useEffect(() => {
		refresh();
		return client.onEvent((e) => {
			if (e.type === 'outbox.changed') refresh();
		});
	}, [client, refresh]);
	const retry = useCallback(
		(itemId: number) => {
			api['outbox.retry']({ itemId }).then(setList, (e: Error) => setError(e.message));
		},
		[api],
	);
	return { list, retry, error };
}
