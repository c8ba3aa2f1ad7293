import { useEffect, useState } from 'react';
import type { Contradiction, ExportFormat } from '../../../src/common/api/reportContract.js';
import { useFreshSettings } from '../settings/SettingsContext.js';
import type { ReportHandle } from './useReport.js';

const formats: { format: ExportFormat; label: string }[] = [
	{ format: 'pdf', label: 'PDF' },
	{ format: 'text', label: 'Text' },
	{ format: 'sr', label: 'DICOM SR' },
	{ format: 'fhir', label: 'FHIR' },
	{ format: 'hl7', label: 'HL7 v2' },
];

/** One contradiction as the reader reads it: the handout's words against the report's. */
function contradictionLine(c: Contradiction): string {
	return c.report ? `"${c.text}" contradicts the report: "${c.report}"` : `"${c.text}" is not in the report`;
}

/** Exports to the export folder, and the patient handout: the assistant's easy-language text, reviewed here. */
export function ExportPanel({ h }: { h: ReportHandle }) {
	const s = h.state!;
	const [files, setFiles] = useState<{ format: string; path: string }[]>([]);
	const [keyImage, setKeyImage] = useState(false);
	const [handout, setHandout] = useState(s.handout?.text ?? '');
	const [overrideReason, setOverrideReason] = useState('');
	useEffect(() => {
		setHandout(s.handout?.text ?? '');
	}, [s.handout?.text]);
	const signed = s.report?.status === 'signed';
	const { settings, openSettings } = useFreshSettings();
	// Without a folder an export can only fail: say so first, with the way to choose one.
	const noFolder = settings !== null && !settings.exportFolder;
	const doExport = (list: ExportFormat[], handoutOverride?: { reason: string }) =>
		h.run('export', async () => {
			const r = await h.api['report.export']({
				studyId: s.studyId,
				formats: list,
				includeKeyImage: keyImage,
				...(handoutOverride ? { handoutOverride } : {}),
			});
			setFiles(r.files);
			return r;
		});
	const streaming = h.stream?.kind === 'ask' && h.busy === 'handout' ? h.stream : null;
	// Checked by the server against the report as it stands; export refuses it without a stated reason.
	const contradicts = s.handoutCheck.length > 0;
	return (
		<section className="rp-export" aria-label="Export and patient handout">
			<div className="rp-section-head">
				<h3>Export</h3>
				{!signed && <span className="rp-draft-chip">Exports will be marked DRAFT</span>}
			</div>
			{noFolder ? (
				<p className="muted settings-pointer settings-note" data-testid="export-no-folder">
					No export folder chosen yet.
					<button
						type="button"
						data-testid="export-open-settings"
						onClick={() => openSettings('exportFolder')}
					>
						Choose one in Settings
					</button>
				</p>
			) : (
				settings?.exportFolder && (
					<p className="muted settings-note" data-testid="export-folder">
						Exports go to <code>{settings.exportFolder}</code>
					</p>
				)
			)}
			<div className="rp-export-row" role="toolbar" aria-label="Export formats">
				{formats.map((f) => (
					<button
						key={f.format}
						type="button"
						data-testid={`export-${f.format}`}
						disabled={!s.report || noFolder || h.busy !== null}
						onClick={() => void doExport([f.format])}
					>
						{f.label}
					</button>
				))}
				<button
					type="button"
					data-testid="export-all"
					disabled={!s.report || noFolder || h.busy !== null}
					onClick={() => void doExport(formats.map((f) => f.format))}
				>
					All
				</button>
				<label className="rp-inline">
					<input
						type="checkbox"
						data-testid="export-key-image"
						checked={keyImage}
						onChange={(e) => setKeyImage(e.target.checked)}
					/>{' '}
					key image in PDF
				</label>
			</div>
			{files.length > 0 && (
				<ul className="rp-files" data-testid="export-result">
					{files.map((f) => (
						<li key={f.path} data-format={f.format}>
							{f.format}: <code>{f.path}</code>
						</li>
					))}
				</ul>
			)}

			<div className="rp-section-head">
				<h3>Patient handout</h3>
				<span className="muted">easy language, reviewed by you</span>
			</div>
			<button
				type="button"
				data-testid="handout-generate"
				disabled={!s.report || h.busy !== null}
				onClick={() => void h.run('handout', () => h.api['report.handout.generate']({ studyId: s.studyId }))}
			>
				{s.handout ? 'Regenerate from the assistant' : 'Draft with the assistant (easy language)'}
			</button>
			{streaming && (
				<div className="rp-streaming" data-testid="handout-stream">
					{streaming.text}
					<span className="rp-caret" />
				</div>
			)}
			{s.handout && (
				<>
					{s.modelNotice && <p className="rp-notice">AI-drafted text: check every word. {s.modelNotice}.</p>}
					<textarea
						aria-label="Handout text"
						data-testid="handout-text"
						rows={6}
						value={handout}
						onChange={(e) => setHandout(e.target.value)}
					/>
					<div className="rp-export-row">
						<button
							type="button"
							data-testid="handout-save"
							disabled={
								!handout.trim() ||
								(handout === s.handout.text && !!s.handout.reviewedBy) ||
								h.busy !== null
							}
							onClick={() =>
								void h.run('handout-save', () =>
									h.api['report.handout.save']({ studyId: s.studyId, text: handout.trim() }),
								)
							}
						>
							{s.handout.reviewedBy ? 'Save changes' : 'Mark reviewed'}
						</button>
						<span
							className="muted"
							data-testid="handout-reviewed"
							data-reviewed={String(!!s.handout.reviewedBy)}
						>
							{s.handout.reviewedBy ? `Reviewed by ${s.handout.reviewedBy}` : 'Not reviewed yet'}
						</span>
						{!contradicts && (
							<button
								type="button"
								data-testid="export-handout"
								disabled={!s.handout.reviewedBy || noFolder || h.busy !== null}
								onClick={() => void doExport(['handout'])}
							>
								Export handout PDF
							</button>
						)}
					</div>
					{contradicts && (
						<div className="rp-handout-check" role="alert" data-testid="handout-check">
							<b>The handout contradicts the report as it stands:</b>
							<ul>
								{s.handoutCheck.map((c) => (
									<li
										key={c.text + c.finding}
										data-testid="handout-contradiction"
										data-sentence={c.text}
									>
										{contradictionLine(c)}
									</li>
								))}
							</ul>
							<p className="muted">
								Edit the handout (or the report) so they agree, or export it anyway with your reason;
								the reason goes to the audit log.
							</p>
							<label className="rp-label" htmlFor="rp-handout-override">
								Reason for exporting anyway
							</label>
							<input
								id="rp-handout-override"
								type="text"
								data-testid="handout-override-reason"
								value={overrideReason}
								maxLength={2000}
								onChange={(e) => setOverrideReason(e.target.value)}
							/>{' '}
							<button
								type="button"
								className="rp-danger"
								data-testid="export-handout-override"
								disabled={
									!overrideReason.trim() || !s.handout.reviewedBy || noFolder || h.busy !== null
								}
								onClick={() => void doExport(['handout'], { reason: overrideReason.trim() })}
							>
								Export handout anyway
							</button>
						</div>
					)}
				</>
			)}
		</section>
	);
}
