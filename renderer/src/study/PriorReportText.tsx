import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import { formatDicomDate } from '../../../src/common/api/worklistContract.js';

/** The prior's signed report as signed, addenda after it; or plainly that it is not signed. */
export function PriorReportText({ prior }: { prior: PriorStudy }) {
	const date = formatDicomDate(prior.studyDate) || 'undated';
	const r = prior.report;
	return (
		<section className="prior-report" aria-label={`Report of the prior of ${date}`} data-testid="prior-report">
			<h3>
				Prior report · {date}
				{r?.signedBy && <span className="muted"> · signed by {r.signedBy}</span>}
				{r?.signedAt && <span className="muted"> on {r.signedAt.slice(0, 10)}</span>}
			</h3>
			{!r && (
				<p className="prior-report-unsigned" data-testid="prior-report-unsigned">
					This prior is not signed: there is no report to compare with.
				</p>
			)}
			{r && (
				<div className="prior-report-text" data-testid="prior-report-text">
					<h4>Findings</h4>
					<p>{r.findings.trim() || '(none written)'}</p>
					<h4>Impression</h4>
					<p>{r.impression.trim() || '(none written)'}</p>
					{r.addenda.map((a, i) => (
						<div key={i}>
							<h4>
								Addendum · {a.signedBy} · {a.signedAt.slice(0, 10)}
							</h4>
							<p>{a.text}</p>
						</div>
					))}
				</div>
			)}
		</section>
	);
}
