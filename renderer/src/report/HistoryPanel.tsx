import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../src/common/api/contract.js';
import type { ReportHandle } from './useReport.js';

/** Version history with a word diff between any two versions, and this study's audit log. */
export function HistoryPanel({ h }: { h: ReportHandle }) {
	const s = h.state!;
	const [versions, setVersions] = useState<ApiOutput<'report.versions'>>([]);
	const [audit, setAudit] = useState<ApiOutput<'report.audit'>>([]);
	const [pair, setPair] = useState<[number, number] | null>(null);
	const [diff, setDiff] = useState<ApiOutput<'report.diff'> | null>(null);
	const [dataset, setDataset] = useState<string | null>(null);
	useEffect(() => {
		void h.api['report.versions']({ studyId: s.studyId }).then((v) => {
			setVersions(v);
			if (v.length >= 2) setPair([v.at(-2)!.versionNo, v.at(-1)!.versionNo]);
		});
		void h.api['report.audit']({ studyId: s.studyId }).then(setAudit);
	}, [h.api, s.studyId, s.report?.versionNo, s.report?.status, s.addenda.length]);
	useEffect(() => {
		if (!pair) {
			setDiff(null);
			return;
		}
		void h.api['report.diff']({ studyId: s.studyId, from: pair[0], to: pair[1] }).then(setDiff, () =>
			setDiff(null),
		);
	}, [h.api, s.studyId, pair]);
	return (
		<section className="rp-history" aria-label="History">
			<div className="rp-section-head">
				<h3>Versions</h3>
			</div>
			<table className="rp-table" data-testid="versions">
				<thead>
					<tr>
						<th>#</th>
						<th>source</th>
						<th>by</th>
						<th>when</th>
						<th>compare</th>
					</tr>
				</thead>
				<tbody>
					{versions.map((v) => (
						<tr key={v.versionNo} data-testid="version-row" data-source={v.source}>
							<td>{v.versionNo}</td>
							<td>{v.source}</td>
							<td>{v.author}</td>
							<td>{new Date(v.updatedAt).toLocaleString()}</td>
							<td>
								<button
									type="button"
									aria-pressed={pair?.[0] === v.versionNo}
									onClick={() => setPair([v.versionNo, pair?.[1] ?? v.versionNo])}
								>
									from
								</button>
								<button
									type="button"
									aria-pressed={pair?.[1] === v.versionNo}
									onClick={() => setPair([pair?.[0] ?? v.versionNo, v.versionNo])}
								>
									to
								</button>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			{diff && pair && (
				<div
					className="rp-diff"
					data-testid="version-diff"
					aria-label={`Changes from version ${pair[0]} to ${pair[1]}`}
				>
					{diff.map((d, i) =>
						d.op === 'equal' ? (
							<span key={i}>{d.text}</span>
						) : d.op === 'insert' ? (
							<ins key={i}>{d.text}</ins>
						) : (
							<del key={i}>{d.text}</del>
						),
					)}
				</div>
			)}
			<div className="rp-section-head">
				<h3>Learning from corrections</h3>
				<button
					type="button"
					data-testid="export-dataset"
					disabled={h.busy !== null}
					onClick={() =>
						void h
							.run('dataset', () => h.api['report.exportDataset']({}))
							.then((r) => r && setDataset(`${r.records} records: ${r.path}`))
					}
				>
					Export instruct dataset (all studies)
				</button>
			</div>
			{dataset && (
				<p className="rp-files" data-testid="dataset-result">
					{dataset}
				</p>
			)}
			<div className="rp-section-head">
				<h3>Audit log</h3>
				<span className="muted">append-only</span>
			</div>
			<table className="rp-table" data-testid="audit-log">
				<thead>
					<tr>
						<th>when</th>
						<th>who</th>
						<th>what</th>
						<th>detail</th>
					</tr>
				</thead>
				<tbody>
					{audit.map((a) => (
						<tr key={a.id} data-testid="audit-row" data-action={a.action}>
							<td>{new Date(a.at).toLocaleString()}</td>
							<td>{a.actor}</td>
							<td>{a.action}</td>
							<td className="rp-detail">{JSON.stringify(a.detail)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	);
}
