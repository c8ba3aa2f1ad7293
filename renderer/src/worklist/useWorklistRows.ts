import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorklistItem, WorklistQuery } from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';

const blockSize = 100;

export type WorklistFilter = Omit<WorklistQuery, 'offset' | 'limit'>;

/**
 * Rows of the worklist fetched in blocks of 100 as they scroll into view, so 100,000 studies cost
 * one small query per screenful. A change of filter or a worklist.changed event starts over.
 */
export function useWorklistRows(filter: WorklistFilter) {
	const client = useClient();
	const [total, setTotal] = useState<number | null>(null);
	const [version, setVersion] = useState(0);
	const [error, setError] = useState<string | null>(null);
	const blocks = useRef(new Map<number, WorklistItem[] | 'loading'>());
	const generation = useRef(0);
	const key = JSON.stringify(filter);

	const reset = useCallback(() => {
		generation.current++;
		blocks.current = new Map();
		setVersion((v) => v + 1);
	}, []);

	const loadBlock = useCallback(
		(b: number) => {
			if (blocks.current.has(b)) return;
			blocks.current.set(b, 'loading');
			const gen = generation.current;
			client.api['worklist.list']({
				...(JSON.parse(key) as WorklistFilter),
				offset: b * blockSize,
				limit: blockSize,
			}).then(
				(page) => {
					if (gen !== generation.current) return;
					blocks.current.set(b, page.items);
					setTotal(page.total);
					setError(null);
					setVersion((v) => v + 1);
				},
				(e: Error) => {
					if (gen !== generation.current) return;
					blocks.current.delete(b);
					setError(e.message);
				},
			);
		},
		[client, key],
	);

	useEffect(() => {
		reset();
	}, [key, reset]);
	useEffect(() => {
		if (blocks.current.size === 0) loadBlock(0);
	}, [version, loadBlock]);
	// A modality pushing a series sends one event per image: reload at most every 300 ms.
	useEffect(() => {
		let timer: ReturnType<typeof setTimeout> | null = null;
		const off = client.onEvent((e) => {
			if (e.type !== 'worklist.changed' || timer) return;
			timer = setTimeout(() => {
				timer = null;
				reset();
			}, 300);
		});
		return () => {
			off();
			if (timer) clearTimeout(timer);
		};
	}, [client, reset]);

	const rowAt = useCallback((i: number): WorklistItem | undefined => {
		const b = blocks.current.get(Math.floor(i / blockSize));
		return Array.isArray(b) ? b[i % blockSize] : undefined;
	}, []);

	const ensureRange = useCallback(
		(first: number, last: number) => {
			for (
				let b = Math.floor(Math.max(0, first) / blockSize);
				b <= Math.floor(Math.max(0, last) / blockSize);
				b++
			)
				loadBlock(b);
		},
		[loadBlock],
	);

	return { total, error, rowAt, ensureRange, version, reload: reset };
}
