import { forwardRef, useImperativeHandle, useState } from 'react';
import type { ConsistencyIssue } from '../../../src/common/api/reportContract.js';
import { useFreshSettings } from '../settings/SettingsContext.js';
import type { ReportHandle } from './useReport.js';

export interface SignPanelHandle {
	startSign(): void;
}

/**
 * Signing: the consistency guard runs first and shows what the text says against the accepted
 * findings; the reader fixes the text or signs anyway, knowingly. After signing, only addenda.
 */
export const SignPanel = forwardRef<SignPanelHandle, { h: ReportHandle }>(function SignPanel({ h }, ref) {
	const s = h.state!;
	const report = s.report!;
	const [issues, setIssues] = useState<ConsistencyIssue[] | null>(null);
	const [addendum, setAddendum] = useState('');
	// Either copy may be the newer: the settings once the reader set a name with the study open.
	const { settings, openSettings } = useFreshSettings();
	const readerName = settings?.readerName || s.readerName;
	const credentials = settings?.readerCredentials ?? '';

	const startSign = async () => {
		if (!readerName) return openSettings('readerName');
		if (report.status === 'signed' || h.busy) return;
		const check = await h.run('check', () => h.api['report.check']({ studyId: s.studyId }));
		if (!check) return;
		if (check.issues.length) {
			setIssues(check.issues);
			return;
		}
		setIssues(null);
		await h.run('sign', () => h.api['report.sign']({ studyId: s.studyId, acknowledgeIssues: false }));
	};
	useImperativeHandle(ref, () => ({
		startSign: () => {
			void startSign();
		},
	}));

	if (report.status === 'signed') {
		return (
			<section className="rp-sign rp-signed" aria-label="Signature" data-testid="signed-block">
				<p>
					Signed by <b data-testid="signed-by">{report.signedBy}</b> on{' '}
					{new Date(report.signedAt!).toLocaleString()}. The signed text cannot change; add an addendum.
				</p>
				{s.addenda.map((a) => (
					<div key={a.id} className="rp-addendum" data-testid="addendum">
						<b>Addendum</b> ({a.signedBy}, {new Date(a.signedAt).toLocaleString()}): {a.text}
					</div>
				))}
				<textarea
					aria-label="Addendum"
					data-testid="addendum-text"
					value={addendum}
					rows={2}
					onChange={(e) => setAddendum(e.target.value)}
					placeholder="Addendum text"
				/>
				<button
					type="button"
					data-testid="add-addendum"
					disabled={!addendum.trim() || h.busy !== null}
					onClick={() =>
						void h
							.run('addendum', () =>
								h.api['report.addendum']({ studyId: s.studyId, text: addendum.trim() }),
							)
							.then((r) => {
								if (r) setAddendum('');
							})
					}
				>
					Sign addendum
				</button>
			</section>
		);
	}
	return (
		<section className="rp-sign" aria-label="Signature">
			{issues && issues.length > 0 && (
				<div
					className="rp-issues"
					role="alertdialog"
					aria-label="Check before signing"
					data-testid="sign-issues"
				>
					<b>Check before signing</b>
					<ul>
						{issues.map((i) => (
							<li key={i.label + i.kind} data-testid="sign-issue">
								{i.message}
							</li>
						))}
					</ul>
					<p className="muted">Nothing was changed. Edit the text or your decisions, or sign as it is.</p>
					<button type="button" onClick={() => setIssues(null)} autoFocus>
						Back to the report
					</button>
					<button
						type="button"
						className="rp-danger"
						data-testid="sign-anyway"
						onClick={() =>
							void h
								.run('sign', () =>
									h.api['report.sign']({ studyId: s.studyId, acknowledgeIssues: true }),
								)
								.then(() => setIssues(null))
						}
					>
						Sign anyway
					</button>
				</div>
			)}
			<div className="rp-sign-row">
				{readerName ? (
					<span className="muted" data-testid="signing-as">
						Signing as <b>{readerName}</b>
						{credentials && `, ${credentials}`}
					</span>
				) : (
					<span className="muted settings-pointer">
						No name to sign with yet.
						<button
							type="button"
							data-testid="sign-open-settings"
							onClick={() => openSettings('readerName')}
						>
							Set your name in Settings
						</button>
					</span>
				)}
				<button
					type="button"
					className="rp-primary"
					data-testid="sign-button"
					disabled={!readerName || h.busy !== null}
					onClick={() => void startSign()}
					title="Sign the report (Ctrl+Enter)"
				>
					Sign report
				</button>
			</div>
		</section>
	);
});
