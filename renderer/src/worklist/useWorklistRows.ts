import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorklistItem, WorklistQuery } from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';

const blockSize = 100;

export type WorklistFilter = Omit<WorklistQuery, 'offset' | 'limit'>;

/**
 * Rows of the worklist fetched in blocks of 100 as they scroll into view, so 100,000 studies cost
 * one small query per screenful. A change of filter starts over; a worklist.changed event fetches the
 * blocks again but keeps showing the rows meanwhile, so the list does not blink and the keyboard's place
 * (a focused priority select) stays on screen.
 */
export function useWorklistRows(filter: WorklistFilter) {
	const client = useClient();
	const [total, setTotal] = useState<number | null>(null);
	const [version, setVersion] = useState(0);
	const [error, setError] = useState<string | null>(null);
	const blocks = useRef(new Map<number, WorklistItem[]>());
	/** The blocks asked for since the last reset; the others show what was fetched before, if anything. */
	const requested = useRef(new Set<number>());
	const generation = useRef(0);
	const key = JSON.stringify(filter);

	const reset = useCallback((keepRows = false) => {
		generation.current++;
		requested.current = new Set();
		if (!keepRows) blocks.current = new Map();
		setVersion((v) => v + 1);
	}, []);

	const loadBlock = useCallback(
		(b: number) => {
			if (requested.current.has(b)) return;
			requested.current.add(b);
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
					requested.current.delete(b);
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
		if (!requested.current.has(0)) loadBlock(0);
	}, [version, loadBlock]);
	// A modality pushing a series sends one event per image: reload at most every 300 ms.
	useEffect(() => {
		let timer: ReturnType<typeof setTimeout> | null = null;
		const off = client.onEvent((e) => {
			if (e.type !== 'worklist.changed' || timer) return;
			timer = setTimeout(() => {
				timer = null;
				reset(true);
			}, 300);
		});
		return () => {
			off();
			if (timer) clearTimeout(timer);
		};
	}, [client, reset]);

	const rowAt = useCallback((i: number): WorklistItem | undefined => {
		const b = blocks.current.get(Math.floor(i / blockSize));
		return b?.[i % blockSize];
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

	/** Shows a change the reader just made (a priority) at once; the reload that follows confirms it. */
	const patchRow = useCallback((studyId: number, patch: Partial<WorklistItem>) => {
		for (const [b, items] of blocks.current)
			if (items.some((s) => s.studyId === studyId))
				blocks.current.set(
					b,
					items.map((s) => (s.studyId === studyId ? { ...s, ...patch } : s)),
				);
		setVersion((v) => v + 1);
	}, []);

	const reload = useCallback(() => reset(true), [reset]);
	return { total, error, rowAt, ensureRange, version, reload, patchRow };
}
