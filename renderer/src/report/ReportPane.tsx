/** Findings, draft, editor and conversation of the open study. Filled in by the reporting workflow. */
export function ReportPane({ studyId }: { studyId: number }) {
	return <section className="report-pane" aria-label="Report" data-study-id={studyId} />;
}
