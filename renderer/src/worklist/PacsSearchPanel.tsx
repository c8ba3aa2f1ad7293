import { useEffect, useRef, useState } from 'react';
import type { PacsSearchHit } from '../../../src/common/api/pacsContract.js';
import type { PacsStudyQuery } from '../../../src/common/api/pacsStudy.js';
import { formatDicomDate, formatPersonName } from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';
import { useSettings } from '../settings/SettingsContext.js';
import { usePacsRetrieval, type RetrievalState } from './usePacsRetrieval.js';

const modalityChoices = ['CR', 'DX'] as const;

function whereCell(hit: PacsSearchHit, state: RetrievalState | undefined) {
	if (hit.problem) return <span className="pacs-problem">{hit.problem}</span>;
	if (hit.localStudyId !== null) return <span className="pacs-local">Local</span>;
	if (!state) return <span className="pacs-remote">On PACS</span>;
	return (
		<span className={state.error ? 'pacs-problem' : 'pacs-retrieving'} title={state.label}>
			{state.error ?? state.label}
			{!state.error && <progress max={1} value={state.fraction ?? undefined} />}
		</span>
	);
}

/**
 * The worklist's PACS search: the reader looks for a patient or date range on the PACS; studies already
 * here open at once, the others are retrieved with their progress in the row, then open and draft as usual.
 */
export function PacsSearchPanel({
	onOpenStudy,
	onClose,
}: {
	onOpenStudy: (studyId: number) => void;
	onClose: () => void;
}) {
	const { api } = useClient();
	const { settings, openSettings } = useSettings();
	const connections = settings?.pacs.connections ?? [];
	const [pacsId, setPacsId] = useState('');
	const [name, setName] = useState('');
	const [patientId, setPatientId] = useState('');
	const [accession, setAccession] = useState('');
	const [from, setFrom] = useState('');
	const [to, setTo] = useState('');
	const [modalities, setModalities] = useState<string[]>([...modalityChoices]);
	const [hits, setHits] = useState<PacsSearchHit[] | null>(null);
	const [searching, setSearching] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const [selected, setSelected] = useState(0);
	const body = useRef<HTMLDivElement>(null);
	const { states, retrieve } = usePacsRetrieval(onOpenStudy);

	// New results take the keyboard, so the arrows and Enter work on them at once.
	useEffect(() => {
		if (hits?.length) body.current?.focus();
	}, [hits]);

	const search = async () => {
		const query: PacsStudyQuery = {
			...(name.trim() ? { patientName: name.trim() } : {}),
			...(patientId.trim() ? { patientId: patientId.trim() } : {}),
			...(accession.trim() ? { accessionNumber: accession.trim() } : {}),
			...(from ? { since: from.replace(/-/g, '') } : {}),
			...(to ? { until: to.replace(/-/g, '') } : {}),
			...(modalities.length ? { modalities } : {}),
			limit: 200,
		};
		setSearching(true);
		setError(null);
		try {
			const found = await api['pacs.search']({ ...(pacsId ? { pacsId } : {}), query });
			setHits(found);
			setSelected(0);
		} catch (e) {
			setError((e as Error).message);
		} finally {
			setSearching(false);
		}
	};

	const open = (hit: PacsSearchHit | undefined) => {
		if (!hit || hit.problem) return;
		if (hit.localStudyId !== null) return onOpenStudy(hit.localStudyId);
		const state = states[hit.studyInstanceUid];
		if (state && !state.error) return;
		void retrieve(hit);
	};

	const onKey = (e: React.KeyboardEvent) => {
		const n = hits?.length ?? 0;
		const keys: Record<string, () => void> = {
			ArrowDown: () => setSelected((i) => Math.min(n - 1, i + 1)),
			ArrowUp: () => setSelected((i) => Math.max(0, i - 1)),
			Home: () => setSelected(0),
			End: () => setSelected(Math.max(0, n - 1)),
			Enter: () => open(hits?.[selected]),
		};
		const k = keys[e.key];
		if (k) {
			e.preventDefault();
			k();
		}
	};

	return (
		<div
			className="pacs-search"
			data-testid="pacs-search"
			onKeyDown={(e) => {
				if (e.key === 'Escape') {
					e.preventDefault();
					onClose();
				}
			}}
		>
			<form
				className="worklist-toolbar pacs-form"
				onSubmit={(e) => {
					e.preventDefault();
					void search();
				}}
			>
				{connections.length > 1 && (
					<label className="wl-date">
						PACS{' '}
						<select value={pacsId} onChange={(e) => setPacsId(e.target.value)} aria-label="PACS to search">
							<option value="">Default</option>
							{connections.map((c) => (
								<option key={c.id} value={c.id}>
									{c.name}
								</option>
							))}
						</select>
					</label>
				)}
				<input
					type="search"
					placeholder="Patient name on the PACS…"
					value={name}
					onChange={(e) => setName(e.target.value)}
					aria-label="Patient name on the PACS"
					data-testid="pacs-search-name"
					autoFocus
				/>
				<input
					type="search"
					className="pacs-short"
					placeholder="Patient ID"
					value={patientId}
					onChange={(e) => setPatientId(e.target.value)}
					aria-label="Patient ID on the PACS"
					data-testid="pacs-search-patient-id"
				/>
				<input
					type="search"
					className="pacs-short"
					placeholder="Accession"
					value={accession}
					onChange={(e) => setAccession(e.target.value)}
					aria-label="Accession number on the PACS"
					data-testid="pacs-search-accession"
				/>
				<label className="wl-date">
					From{' '}
					<input
						type="date"
						value={from}
						onChange={(e) => setFrom(e.target.value)}
						aria-label="PACS study date from"
					/>
				</label>
				<label className="wl-date">
					To{' '}
					<input
						type="date"
						value={to}
						onChange={(e) => setTo(e.target.value)}
						aria-label="PACS study date to"
					/>
				</label>
				<div className="wl-status-filter" role="group" aria-label="Modalities">
					{modalityChoices.map((m) => (
						<button
							key={m}
							type="button"
							aria-pressed={modalities.includes(m)}
							className={modalities.includes(m) ? 'on' : ''}
							onClick={() =>
								setModalities((cur) => (cur.includes(m) ? cur.filter((x) => x !== m) : [...cur, m]))
							}
						>
							{m}
						</button>
					))}
				</div>
				<button type="submit" disabled={searching || !connections.length} data-testid="pacs-search-go">
					{searching ? 'Searching…' : 'Search PACS'}
				</button>
				<span className="spacer" />
				<span className="muted" data-testid="pacs-search-count">
					{hits ? `${hits.length} on the PACS` : ''}
				</span>
				<button type="button" onClick={onClose} data-testid="pacs-search-close" title="Escape">
					Local worklist
				</button>
			</form>
			{!connections.length && (
				<div className="empty-state" data-testid="pacs-none">
					<p>No PACS is set up.</p>
					<p>
						<button type="button" onClick={() => openSettings()}>
							Open settings (Ctrl+,)
						</button>{' '}
						<span className="muted">and add the hospital's PACS under PACS.</span>
					</p>
				</div>
			)}
			{error && (
				<div className="banner banner-error" role="alert">
					{error}
				</div>
			)}
			{hits && (
				<div className="wl-table" role="table" aria-label="Studies on the PACS">
					<div className="wl-row wl-head pacs-row" role="row">
						{['Patient', 'ID', 'Date', 'Mod', 'Description', 'Img', 'Where'].map((h) => (
							<div key={h} role="columnheader" className="wl-cell">
								{h}
							</div>
						))}
					</div>
					<div
						className="wl-body pacs-body"
						ref={body}
						tabIndex={0}
						onKeyDown={onKey}
						data-testid="pacs-results"
					>
						{hits.length === 0 && <p className="muted pacs-empty">Nothing on the PACS matches.</p>}
						{hits.map((h, i) => (
							<div
								key={h.studyInstanceUid}
								role="row"
								className={`wl-row pacs-row${i === selected ? ' selected' : ''}`}
								aria-selected={i === selected}
								data-testid="pacs-row"
								data-where={h.problem ? 'conflict' : h.localStudyId !== null ? 'local' : 'pacs'}
								onClick={() => setSelected(i)}
								onDoubleClick={() => open(h)}
							>
								<div role="cell" className="wl-cell">
									{formatPersonName(h.patientName).shown}
								</div>
								<div role="cell" className="wl-cell">
									{h.patientId}
								</div>
								<div role="cell" className="wl-cell">
									{formatDicomDate(h.studyDate)}
								</div>
								<div role="cell" className="wl-cell">
									{h.modalities.join(', ')}
								</div>
								<div role="cell" className="wl-cell">
									{h.studyDescription}
								</div>
								<div role="cell" className="wl-cell num">
									{h.instanceCount ?? ''}
								</div>
								<div role="cell" className="wl-cell" data-testid="pacs-row-where">
									{whereCell(h, states[h.studyInstanceUid])}
								</div>
							</div>
						))}
					</div>
				</div>
			)}
		</div>
	);
}
