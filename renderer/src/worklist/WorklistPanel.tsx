import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Priority, StudyStatus } from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';
import { ImportPathDialog, ImportReportDialog } from './ImportDialogs.js';
import { PacsSearchPanel } from './PacsSearchPanel.js';
import { useWorklistImport } from './useWorklistImport.js';
import { StatusFilter } from './StatusFilter.js';
import { WorklistEmpty } from './WorklistEmpty.js';
import { WorklistHeader } from './WorklistHeader.js';
import { ascendingFirst, columns, priorities, type SortKey } from './worklistColumns.js';
import { useWorklistRows, type WorklistFilter } from './useWorklistRows.js';
import { readingSession } from './readingSession.js';
import { usePlaceSaved } from './usePlaceSaved.js';
import { priorityLabel, stepPriority } from './priorityLabel.js';
import './worklist.css';

const rowHeight = 30;
/** How far down the list a remembered selection is looked for (blocks of 100 rows are fetched to find it). */
const restoreSearchRows = 2000;
/** The reading list: every study, searchable and sortable, virtualized for 100,000 rows, keyboard first. */
export function WorklistPanel({ onOpenStudy }: { onOpenStudy: (studyId: number) => void }) {
	const { api } = useClient();
	const [initial] = useState(() => readingSession.state.worklist);
	const [search, setSearch] = useState(initial.filters.search);
	const [debounced, setDebounced] = useState(initial.filters.search);
	const [status, setStatus] = useState<StudyStatus[]>(initial.filters.status);
	const [dateFrom, setDateFrom] = useState(isoDate(initial.filters.dateFrom));
	const [dateTo, setDateTo] = useState(isoDate(initial.filters.dateTo));
	const [sort, setSort] = useState<SortKey>(initial.sort.key);
	const [direction, setDirection] = useState<'asc' | 'desc'>(initial.sort.direction);
	const [selected, setSelected] = useState(0);
	// The selection is a study, not a row: kept when the rows move (new studies, another sort, a reload).
	const [selectedId, setSelectedId] = useState<number | null>(initial.selectedStudyId);
	const [priorityError, setPriorityError] = useState<string | null>(null);
	const [scrollTop, setScrollTop] = useState(0);
	const [height, setHeight] = useState(600);
	const { importing, setImporting, report, setReport, importError, demoBusy, importPath, loadDemo, importDropped } =
		useWorklistImport();
	const [dragging, setDragging] = useState(false);
	const [pacsMode, setPacsMode] = useState(false);
	const list = useRef<HTMLDivElement>(null);
	const searchBox = useRef<HTMLInputElement>(null);
	const placeSaved = usePlaceSaved();

	useEffect(() => {
		const t = setTimeout(() => setDebounced(search.trim()), 200);
		return () => clearTimeout(t);
	}, [search]);
	const filter: WorklistFilter = {
		sort,
		direction,
		...(debounced ? { search: debounced } : {}),
		...(status.length ? { status } : {}),
		...(dateFrom ? { dateFrom: dateFrom.replace(/-/g, '') } : {}),
		...(dateTo ? { dateTo: dateTo.replace(/-/g, '') } : {}),
	};
	const { total, totalAtLeast, error, rowAt, ensureRange, version, reload, patchRow } = useWorklistRows(filter);
	const filterKey = JSON.stringify(filter);
	// Another sort, search or filter starts at the top; a reload of the same list keeps the study (below).
	const shownFilter = useRef(filterKey);
	useEffect(() => {
		if (filterKey === shownFilter.current) return;
		shownFilter.current = filterKey;
		setSelectedId(null);
		list.current?.scrollTo({ top: 0 });
	}, [filterKey]);
	// The sort and filters are the reader's place: kept by the workstation across a reload.
	useEffect(() => {
		const f = JSON.parse(filterKey) as WorklistFilter;
		readingSession.update({
			worklist: {
				sort: { key: f.sort ?? 'imported', direction: f.direction ?? 'desc' },
				filters: {
					search: f.search ?? '',
					status: f.status ?? [],
					dateFrom: f.dateFrom ?? null,
					dateTo: f.dateTo ?? null,
				},
			},
		});
	}, [filterKey]);

	// The list height is observed again when the first total arrives.
	const loaded = total !== null;
	useLayoutEffect(() => {
		const el = list.current;
		if (!el) return;
		const ro = new ResizeObserver(() => setHeight(el.clientHeight));
		ro.observe(el);
		return () => ro.disconnect();
	}, [loaded]);

	const first = Math.floor(scrollTop / rowHeight);
	const visible = Math.ceil(height / rowHeight) + 1;
	const last = Math.min((total ?? 0) - 1, first + visible);
	useEffect(() => {
		if (total) ensureRange(first, last + 20);
		// After a reload the rows on screen are fetched again (version: a reset or a block arrived).
	}, [first, last, total, ensureRange, version]);

	const moveTo = useCallback(
		(i: number) => {
			if (!total) return;
			const n = Math.max(0, Math.min(total - 1, i));
			setSelected(n);
			setSelectedId(rowAt(n)?.studyId ?? null);
			const el = list.current;
			if (!el) return;
			if (n * rowHeight < el.scrollTop) el.scrollTop = n * rowHeight;
			else if ((n + 1) * rowHeight > el.scrollTop + el.clientHeight)
				el.scrollTop = (n + 1) * rowHeight - el.clientHeight;
		},
		[total, rowAt],
	);

	// The selected study is found again whenever the rows may have moved: on opening the worklist (the
	// study the reader left) and when the list reloads (new studies, a changed priority or status). Not in
	// the list any more, or another sort or filter: the first row.
	const [seeking, setSeeking] = useState<string | null>(`${filterKey}#${version}`);
	useEffect(() => setSeeking(`${filterKey}#${version}`), [filterKey, version]);
	useEffect(() => {
		if (seeking === null || total === null) return;
		if (total === 0) return setSeeking(null);
		if (rowAt(selected)?.studyId === selectedId && selectedId !== null) return setSeeking(null);
		let found = 0;
		if (selectedId !== null) {
			for (let i = 0; i < Math.min(total, restoreSearchRows); i++) {
				const s = rowAt(i);
				// Not fetched yet: fetch its block and look again when it arrives.
				if (!s) return ensureRange(i, i + 99);
				if (s.studyId === selectedId) {
					found = i;
					break;
				}
			}
		}
		if (!rowAt(found)) return ensureRange(found, found + 99);
		moveTo(found);
		setSeeking(null);
	}, [seeking, total, version, selected, selectedId, rowAt, ensureRange, moveTo]);
	useEffect(() => {
		if (seeking === null && selectedId !== null)
			readingSession.update({ worklist: { selectedStudyId: selectedId } });
	}, [seeking, selectedId]);

	const focusPriority = () =>
		list.current?.querySelector<HTMLSelectElement>('.wl-row.selected [data-testid="row-priority"]')?.focus();
	const setPriority = (studyId: number, priority: Priority) => {
		setPriorityError(null);
		patchRow(studyId, { priority });
		api['study.setPriority']({ studyId, priority }).then(reload, (e: Error) => {
			setPriorityError(`The priority was not changed: ${e.message}`);
			reload();
		});
	};

	// The keyboard starts on the worklist: on its rows when there are any, else in the search box.
	const hasRows = !!total;
	const dialogOpen = importing !== null || report !== null;
	useEffect(() => {
		if (!loaded || dialogOpen) return;
		const a = document.activeElement;
		// An empty search box holds the keyboard only until the first studies arrive (after an import).
		const idle = !a || a === document.body || (a === searchBox.current && hasRows && !searchBox.current.value);
		if (idle) (hasRows ? list.current : searchBox.current)?.focus();
	}, [loaded, hasRows, dialogOpen]);

	const onKey = (e: React.KeyboardEvent) => {
		const page = Math.max(1, Math.floor(height / rowHeight) - 1);
		const keys: Record<string, () => void> = {
			ArrowDown: () => moveTo(selected + 1),
			ArrowUp: () => moveTo(selected - 1),
			PageDown: () => moveTo(selected + page),
			PageUp: () => moveTo(selected - page),
			Home: () => moveTo(0),
			End: () => moveTo((total ?? 1) - 1),
			Enter: () => {
				const s = rowAt(selected);
				if (s) onOpenStudy(s.studyId);
			},
			// P: to the selected study's priority, where the arrow keys change it.
			p: focusPriority,
			P: focusPriority,
		};
		const k = keys[e.key];
		if (k) {
			e.preventDefault();
			k();
		}
	};

	const toggleSort = (key: SortKey) => {
		if (sort === key) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
		else {
			setSort(key);
			setDirection(ascendingFirst.has(key) ? 'asc' : 'desc');
		}
	};

	const rows: React.ReactNode[] = [];
	for (let i = first; i <= last; i++) {
		const s = rowAt(i);
		rows.push(
			<div
				key={i}
				role="row"
				className={`wl-row${i === selected ? ' selected' : ''}${s ? '' : ' loading'}`}
				style={{ top: i * rowHeight }}
				aria-selected={i === selected}
				data-testid={s ? 'worklist-row' : 'worklist-row-loading'}
				data-study-id={s?.studyId}
				data-status={s?.status}
				data-priority={s?.priority}
				onClick={() => moveTo(i)}
				onDoubleClick={() => s && onOpenStudy(s.studyId)}
			>
				{columns.map((c) => (
					<div
						key={c.label}
						role="cell"
						className={
							`wl-cell ${c.className ?? ''} ` + (c.label === 'Status' && s ? `status-${s.status}` : '')
						}
					>
						{s && c.sort === 'priority' ? (
							<select
								className={`wl-priority priority-${s.priority}`}
								value={s.priority}
								aria-label={`Priority of ${c.cell(s)}`}
								title="Priority (P from the list; arrows change it, Enter or Escape back to the list)"
								tabIndex={-1}
								data-testid="row-priority"
								onChange={(e) => setPriority(s.studyId, e.target.value as Priority)}
								onDoubleClick={(e) => e.stopPropagation()}
								onKeyDown={(e) => {
									e.stopPropagation();
									const next = stepPriority(s.priority, e.key);
									if (next) {
										e.preventDefault();
										if (next !== s.priority) setPriority(s.studyId, next);
									} else if (e.key === 'Enter' || e.key === 'Escape') {
										e.preventDefault();
										list.current?.focus();
									}
								}}
							>
								{priorities.map((p) => (
									<option key={p} value={p}>
										{priorityLabel[p]}
									</option>
								))}
							</select>
						) : s ? (
							c.cell(s)
						) : (
							''
						)}
					</div>
				))}
			</div>,
		);
	}

	if (pacsMode)
		return (
			<section className="worklist" data-testid="worklist-pacs" aria-label="Search the PACS">
				<PacsSearchPanel
					onOpenStudy={onOpenStudy}
					onClose={() => {
						setPacsMode(false);
						requestAnimationFrame(() => (list.current ?? searchBox.current)?.focus());
					}}
				/>
			</section>
		);
	return (
		<section
			className={`worklist${dragging ? ' dragging' : ''}`}
			data-testid="worklist"
			data-loaded={total !== null ? 'true' : 'false'}
			data-total={total ?? ''}
			data-place-saved={placeSaved}
			aria-label="Worklist"
			onDragOver={(e) => {
				if (e.dataTransfer.types.includes('Files')) {
					e.preventDefault();
					setDragging(true);
				}
			}}
			onDragLeave={(e) => {
				if (e.currentTarget === e.target) setDragging(false);
			}}
			onDrop={(e) => {
				e.preventDefault();
				setDragging(false);
				void importDropped(e.dataTransfer);
			}}
		>
			<div className="worklist-toolbar">
				<input
					ref={searchBox}
					type="search"
					placeholder="Search patient, ID, accession…"
					value={search}
					onChange={(e) => setSearch(e.target.value)}
					onKeyDown={(e) => {
						// Into the list, where Enter opens the selected study: never a study the list did not show yet.
						if ((e.key === 'ArrowDown' || e.key === 'Enter') && list.current) {
							e.preventDefault();
							list.current.focus();
						}
					}}
					aria-label="Search studies"
					data-testid="worklist-search"
				/>
				<StatusFilter
					selected={status}
					onToggle={(s) => setStatus((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]))}
				/>
				<label className="wl-date">
					From{' '}
					<input
						type="date"
						value={dateFrom}
						onChange={(e) => setDateFrom(e.target.value)}
						aria-label="Study date from"
					/>
				</label>
				<label className="wl-date">
					To{' '}
					<input
						type="date"
						value={dateTo}
						onChange={(e) => setDateTo(e.target.value)}
						aria-label="Study date to"
					/>
				</label>
				<span className="spacer" />
				<span className="muted" data-testid="worklist-count">
					{total === null
						? 'Loading…'
						: `${total.toLocaleString()}${totalAtLeast ? '+' : ''} stud${total === 1 ? 'y' : 'ies'}`}
				</span>
				<button onClick={() => setPacsMode(true)} data-testid="pacs-search-toggle">
					Search PACS…
				</button>
				<button onClick={() => setImporting('dialog')} data-testid="import-folder">
					Import folder…
				</button>
			</div>
			{(error || importError || priorityError) && (
				<div className="banner banner-error" role="alert">
					{error ?? importError ?? priorityError}
				</div>
			)}
			{total === 0 && !debounced && !status.length && !dateFrom && !dateTo ? (
				<WorklistEmpty busy={demoBusy} onLoadDemo={() => void loadDemo()} />
			) : (
				<div className="wl-table" role="table" aria-label="Studies" aria-rowcount={total ?? 0}>
					<WorklistHeader sort={sort} direction={direction} onSort={toggleSort} />
					<div
						className="wl-body"
						ref={list}
						tabIndex={0}
						onKeyDown={onKey}
						onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
						data-testid="worklist-body"
						data-selected={selected}
					>
						<div style={{ height: (total ?? 0) * rowHeight, position: 'relative' }}>{rows}</div>
					</div>
				</div>
			)}
			{dragging && (
				<div className="wl-drop" aria-hidden="true">
					Drop DICOM files or folders to import
				</div>
			)}
			{importing && (
				<ImportPathDialog
					busy={importing === 'busy'}
					onImport={(p) => void importPath(p)}
					onCancel={() => setImporting(null)}
				/>
			)}
			{report && <ImportReportDialog report={report} onClose={() => setReport(null)} />}
		</section>
	);
}

function isoDate(d: string | null): string {
	return d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : '';
}
