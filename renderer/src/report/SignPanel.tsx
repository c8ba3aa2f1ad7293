import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { SignWarning } from '../../../src/common/api/reportContract.js';
import { useFreshSettings } from '../settings/SettingsContext.js';
import { SignDialog } from './SignDialog.js';
import type { ReportHandle } from './useReport.js';

export interface SignPanelHandle {
	startSign(): void;
}

/**
 * Signing: the reader's typing is saved, the consistency guard runs, and one dialog lists every warning;
 * the reader fixes the text or signs knowingly. After signing, only addenda.
 */
export const SignPanel = forwardRef<SignPanelHandle, { h: ReportHandle }>(function SignPanel({ h }, ref) {
	const s = h.state!;
	const report = s.report!;
	const [warnings, setWarnings] = useState<SignWarning[] | null>(null);
	const opener = useRef<HTMLElement | null>(null);
	const [addendum, setAddendum] = useState('');
	// Either copy may be the newer: the settings once the reader set a name with the study open.
	const { settings, openSettings } = useFreshSettings();
	const readerName = settings?.readerName || s.readerName;
	const credentials = settings?.readerCredentials ?? '';

	const startSign = async () => {
		if (!readerName) return openSettings('readerName');
		if (report.status === 'signed' || h.busy || warnings) return;
		// Captured now: the sign button is disabled (and loses focus) while the check runs.
		opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		if (!(await h.flushEdits())) return;
		const check = await h.run('check', () => h.api['report.check']({ studyId: s.studyId }));
		if (check) setWarnings(check.warnings);
	};
	const sign = (listed: readonly SignWarning[]) => {
		setWarnings(null);
		// The reader saw the list: signing over it is the acknowledgement the server audits.
		void h.run('sign', () => h.api['report.sign']({ studyId: s.studyId, acknowledgeIssues: listed.length > 0 }));
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
			{warnings && (
				<SignDialog
					warnings={warnings}
					readerName={readerName}
					returnFocusTo={opener.current}
					onCancel={() => setWarnings(null)}
					onSign={() => sign(warnings)}
				/>
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
