import { useCallback, useEffect, useRef, useState } from 'react';
import { CorrectionCheckNotice } from './CorrectionCheckNotice.js';
import type { ReportHandle } from './useReport.js';

type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

/** Quiet time before an autosave: typing is lost only for this long if the app dies. */
const autosaveMs = 400;

/** Findings and Impression, autosaved; read-only once signed, and while the assistant rewrites. */
export function ReportEditor({ h }: { h: ReportHandle }) {
	const report = h.state!.report!;
	const [text, setText] = useState({ findings: report.findings, impression: report.impression });
	const [save, setSave] = useState<{ state: SaveState; version: number; at: string | null }>({
		state: 'saved',
		version: report.versionNo,
		at: null,
	});
	const pending = useRef<{ findings: string; impression: string } | null>(null);
	const timer = useRef<number | null>(null);
	const readOnly = report.status === 'signed' || h.busy === 'draft' || h.busy === 'apply';
	const streaming = h.stream && (h.stream.kind === 'draft' || h.stream.kind === 'correct') ? h.stream : null;

	// New text from the server (a regenerated draft, a correction) replaces the editor's unless the reader is typing.
	useEffect(() => {
		if (pending.current) return;
		setText({ findings: report.findings, impression: report.impression });
		setSave((s) => ({ ...s, state: 'saved', version: report.versionNo }));
	}, [report.id, report.versionNo, report.findings, report.impression]);

	const flush = useCallback(async () => {
		if (timer.current) {
			window.clearTimeout(timer.current);
			timer.current = null;
		}
		const body = pending.current;
		if (!body) return true;
		pending.current = null;
		setSave((s) => ({ ...s, state: 'saving' }));
		try {
			const r = await h.api['report.save']({ studyId: h.state!.studyId, ...body });
			setSave({ state: pending.current ? 'dirty' : 'saved', version: r.versionNo, at: r.savedAt });
			return true;
		} catch (e) {
			pending.current = pending.current ?? body;
			setSave((s) => ({ ...s, state: 'error' }));
			h.setError(`Not saved: ${(e as Error).message}`);
			return false;
		}
	}, [h]);

	const { saveEdits } = h;
	useEffect(() => {
		saveEdits.current = flush;
		return () => {
			if (saveEdits.current === flush) saveEdits.current = null;
		};
	}, [flush, saveEdits]);

	useEffect(
		() => () => {
			void flush();
		},
		[flush],
	);
	useEffect(() => {
		const onKey = (e: KeyboardEvent) => {
			if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
				e.preventDefault();
				void flush();
			}
		};
		const onUnload = () => void flush();
		window.addEventListener('keydown', onKey);
		window.addEventListener('beforeunload', onUnload);
		return () => {
			window.removeEventListener('keydown', onKey);
			window.removeEventListener('beforeunload', onUnload);
		};
	}, [flush]);

	const change = (field: 'findings' | 'impression', value: string) => {
		const next = { ...text, [field]: value };
		setText(next);
		pending.current = next;
		setSave((s) => ({ ...s, state: 'dirty' }));
		if (timer.current) window.clearTimeout(timer.current);
		timer.current = window.setTimeout(() => {
			void flush();
		}, autosaveMs);
	};

	return (
		<section className="rp-editor" aria-label="Report text">
			<div className="rp-section-head">
				<h3>Report</h3>
				{report.status !== 'signed' && (
					<button
						type="button"
						data-testid="regenerate"
						disabled={h.busy !== null}
						title="Write a new draft from the findings as they stand (your edits become an earlier version)"
						onClick={() => {
							if (
								window.confirm(
									'Replace the text with a new AI draft? ' +
										'Your current text stays in the version history.',
								)
							)
								void h.run('draft', () =>
									h.api['report.draft']({ studyId: h.state!.studyId, regenerate: true }),
								);
						}}
					>
						Regenerate
					</button>
				)}
				{h.state!.undoApply && (
					<button
						type="button"
						data-testid="undo-apply"
						disabled={h.busy !== null}
						title="Bring back the text as it was before the last Apply, as a new version (Alt+U)"
						onClick={() =>
							void h.run('undo', () => h.api['report.undoApply']({ studyId: h.state!.studyId }))
						}
					>
						Undo apply (Alt+U)
					</button>
				)}
				<span className="spacer" />
				<span
					className={`rp-save rp-save-${save.state}`}
					data-testid="save-state"
					data-state={save.state}
					data-version={save.version}
					data-saved-at={save.at ?? ''}
					aria-live="polite"
				>
					{report.status === 'signed'
						? 'Signed, read-only'
						: save.state === 'saved'
							? `Saved · version ${save.version}`
							: save.state === 'saving'
								? 'Saving…'
								: save.state === 'dirty'
									? 'Editing…'
									: 'Not saved'}
				</span>
			</div>
			{/* Until the reader edits: then the text is theirs, and the notice no longer describes it. */}
			{h.state!.correctionCheck && text.findings === report.findings && (
				<CorrectionCheckNotice check={h.state!.correctionCheck} />
			)}
			<label className="rp-label" htmlFor="rp-findings-text">
				Findings
			</label>
			{streaming ? (
				<div className="rp-streaming" data-testid="draft-stream" aria-live="polite">
					{streaming.text}
					<span className="rp-caret" />
				</div>
			) : (
				<textarea
					id="rp-findings-text"
					data-testid="findings-text"
					value={text.findings}
					readOnly={readOnly}
					rows={8}
					onChange={(e) => change('findings', e.target.value)}
					onBlur={() => void flush()}
				/>
			)}
			<label className="rp-label" htmlFor="rp-impression-text">
				Impression {/* The state is as loaded: once the reader types, the Impression is theirs. */}
				{h.state!.impressionByModel && text.impression === report.impression && report.status !== 'signed' && (
					<span className="rp-draft-chip" data-testid="impression-ai">
						AI draft (summary of the findings)
					</span>
				)}
			</label>
			<textarea
				id="rp-impression-text"
				data-testid="impression-text"
				value={text.impression}
				readOnly={readOnly}
				rows={3}
				placeholder="No Impression yet: write yours (signing warns while it is empty)"
				onChange={(e) => change('impression', e.target.value)}
				onBlur={() => void flush()}
			/>
		</section>
	);
}
