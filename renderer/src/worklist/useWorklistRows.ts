import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorklistItem, WorklistQuery } from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';

const blockSize = 100;

export type WorklistFilter = Omit<WorklistQuery, 'offset' | 'limit' | 'after' | 'before'>;

/**
 * Rows of the worklist fetched in blocks of 100 as they scroll into view, so a million studies cost
 * one small query per screenful. A block next to one already fetched (scrolling, PageDown, the arrows at
 * a block's end) is asked by cursor, after that block's last row or before its first: an index seek however
 * deep in the list; a jump (the scrollbar, End) asks by offset. A change of filter starts over; a
 * worklist.changed event fetches the blocks again but keeps showing the rows meanwhile, so the list does not
 * blink and the keyboard's place (a focused priority select) stays on screen.
 */
export function useWorklistRows(filter: WorklistFilter) {
	const client = useClient();
	const [total, setTotal] = useState<number | null>(null);
	/** A search or date filter that matched more than it counted: the total is a floor ("10,000+"). */
	const [totalAtLeast, setTotalAtLeast] = useState(false);
	const [version, setVersion] = useState(0);
	const [error, setError] = useState<string | null>(null);
	const blocks = useRef(new Map<number, WorklistItem[]>());
	/** The blocks asked for since the last reset; the others show what was fetched before, if anything. */
	const requested = useRef(new Set<number>());
	/** The blocks fetched since the last reset: only their rows are a sound place to page from. */
	const fresh = useRef(new Set<number>());
	const generation = useRef(0);
	const key = JSON.stringify(filter);

	const reset = useCallback((keepRows = false) => {
		generation.current++;
		requested.current = new Set();
		fresh.current = new Set();
		if (!keepRows) blocks.current = new Map();
		setVersion((v) => v + 1);
	}, []);

	const loadBlock = useCallback(
		(b: number) => {
			if (requested.current.has(b)) return;
			requested.current.add(b);
			const gen = generation.current;
			const before = fresh.current.has(b - 1) ? blocks.current.get(b - 1)?.at(-1)?.cursor : undefined;
			const after = fresh.current.has(b + 1) ? blocks.current.get(b + 1)?.[0]?.cursor : undefined;
			const place = before ? { after: before } : after ? { before: after } : { offset: b * blockSize };
			client.api['worklist.list']({ ...(JSON.parse(key) as WorklistFilter), ...place, limit: blockSize }).then(
				(page) => {
					if (gen !== generation.current) return;
					blocks.current.set(b, page.items);
					fresh.current.add(b);
					const end = b * blockSize + page.items.length;
					// Past a counted floor the list grows as it is read: one more row while a block comes back full.
					setTotal(
						page.totalAtLeast
							? (t) => Math.max(t ?? 0, page.total, end + (page.items.length === blockSize ? 1 : 0))
							: page.total,
					);
					setTotalAtLeast(!!page.totalAtLeast);
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
	return { total, totalAtLeast, error, rowAt, ensureRange, version, reload, patchRow };
}
