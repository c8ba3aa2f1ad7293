import { useState } from 'react';
import type { SignWarning } from '../../../src/common/api/reportContract.js';
import { ReportDialog } from './ReportDialog.js';

/**
 * The one confirmation before signing, listing every warning. Enter signs when nothing serious is listed;
 * over a serious warning it does not: the reader ticks "I have reviewed these warnings" and presses
 * "Sign with warnings", and the server audits that acknowledgement with the list.
 */
export function SignDialog(p: {
	warnings: readonly SignWarning[];
	readerName: string;
	returnFocusTo: HTMLElement | null;
	onCancel: () => void;
	onSign: () => void;
}) {
	const serious = p.warnings.some((w) => w.serious);
	const [reviewed, setReviewed] = useState(false);
	const [enterRefused, setEnterRefused] = useState(false);
	const ready = !serious || reviewed;
	return (
		<ReportDialog
			title="Sign the report"
			testId="sign-dialog"
			onCancel={p.onCancel}
			returnFocusTo={p.returnFocusTo}
			onEnter={() => (ready ? p.onSign() : setEnterRefused(true))}
		>
			{p.warnings.length ? (
				<ul className="rp-warnings" data-testid="sign-warnings" data-serious={String(serious)}>
					{p.warnings.map((w) => (
						<li
							key={w.kind + (w.label ?? '') + w.message}
							className={w.serious ? 'rp-warning-serious' : 'rp-warning-minor'}
							data-testid="sign-warning"
							data-kind={w.kind}
							data-serious={String(w.serious)}
						>
							<b>{w.serious ? 'Check: ' : 'Note: '}</b>
							{w.message}
						</li>
					))}
				</ul>
			) : (
				<p data-testid="sign-clean">No warnings: the text matches your findings and has an Impression.</p>
			)}
			<p className="muted">
				Signing as <b>{p.readerName}</b>. These checks leave your text as you wrote it; once signed, changes go
				in addenda only.
			</p>
			{serious && (
				<label className="rp-ack">
					<input
						type="checkbox"
						data-testid="sign-reviewed"
						data-autofocus
						checked={reviewed}
						onChange={(e) => setReviewed(e.target.checked)}
					/>
					I have reviewed these warnings
				</label>
			)}
			{enterRefused && !reviewed && (
				<p role="alert" className="rp-warning-serious" data-testid="sign-enter-refused">
					Enter does not sign over these warnings: tick &ldquo;I have reviewed these warnings&rdquo;, then
					press &ldquo;Sign with warnings&rdquo;, or press Esc and fix the report.
				</p>
			)}
			<div className="rp-dialog-actions">
				<button type="button" data-testid="sign-cancel" onClick={p.onCancel}>
					Back to the report (Esc)
				</button>
				<button
					type="button"
					className={serious ? 'rp-danger' : 'rp-primary'}
					data-testid="sign-confirm"
					disabled={!ready}
					data-autofocus={serious ? undefined : ''}
					onClick={p.onSign}
				>
					{serious ? 'Sign with warnings' : 'Sign (Enter)'}
				</button>
			</div>
		</ReportDialog>
	);
}
