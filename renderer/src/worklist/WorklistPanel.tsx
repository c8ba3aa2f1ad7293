import { useCallback, useEffect, useState } from 'react';
import type { WorklistPage } from '../../../src/common/api/worklistContract.js';
import { useClient } from '../api/ClientContext.js';

export function WorklistPanel({ onOpenStudy }: { onOpenStudy: (studyId: number) => void }) {
	const client = useClient();
	const [page, setPage] = useState<WorklistPage | null>(null);
	const [search, setSearch] = useState('');
	const [error, setError] = useState<string | null>(null);
	const load = useCallback(() => {
		client.api['worklist.list']({ search, limit: 200 }).then((p) => { setPage(p); setError(null); }, (e: Error) => setError(e.message));
	}, [client, search]);
	useEffect(load, [load]);
	useEffect(() => client.onEvent((e) => { if (e.type === 'worklist.changed') load(); }), [client, load]);

	return (
		<section className="worklist" data-testid="worklist" data-loaded={page ? 'true' : 'false'} aria-label="Worklist">
			<div className="worklist-toolbar">
				<input type="search" placeholder="Search patient, ID, accession…" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search studies" />
				<span className="muted" data-testid="worklist-count">{page ? `${page.total} studies` : 'Loading…'}</span>
			</div>
			{error && <div className="banner banner-error" role="alert">{error}</div>}
			{page && page.total === 0 && (
				<div className="empty-state" data-testid="worklist-empty">
					<p>No studies yet.</p>
					<p className="muted">Import a folder of DICOM files, or send studies to this workstation from a modality or PACS.</p>
				</div>
			)}
			{page && page.total > 0 && (
				<table className="worklist-table">
					<thead><tr><th>Patient</th><th>ID</th><th>Date</th><th>Modality</th><th>Images</th><th>Status</th></tr></thead>
					<tbody>
						{page.items.map((s) => (
							<tr key={s.studyId} data-testid="worklist-row" onDoubleClick={() => onOpenStudy(s.studyId)}>
								<td>{s.patientName}</td><td>{s.patientId}</td><td>{s.studyDate}</td><td>{s.modality}</td><td>{s.imageCount}</td><td>{s.status}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}
