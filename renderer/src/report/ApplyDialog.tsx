import { ReportDialog } from './ReportDialog.js';

/** Asked once before Apply rewrites text the reader edited since the assistant wrote it. */
export function ApplyDialog(p: { returnFocusTo: HTMLElement | null; onCancel: () => void; onReplace: () => void }) {
	return (
		<ReportDialog
			title="Apply corrections over your edits?"
			testId="apply-dialog"
			onCancel={p.onCancel}
			returnFocusTo={p.returnFocusTo}
		>
			<p>
				You edited the report since the assistant wrote it. Applying your findings decisions rewrites the whole
				text.
			</p>
			<p className="muted">
				Your edited text stays in the version history, and &ldquo;Undo apply&rdquo; (Alt+U) brings it back.
			</p>
			<div className="rp-dialog-actions">
				<button type="button" data-testid="apply-cancel" data-autofocus onClick={p.onCancel}>
					Cancel
				</button>
				<button type="button" className="rp-danger" data-testid="apply-replace" onClick={p.onReplace}>
					Replace your edits with the rewritten report
				</button>
			</div>
		</ReportDialog>
	);
}
