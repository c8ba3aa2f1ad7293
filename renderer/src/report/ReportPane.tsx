import { useEffect, useRef, useState } from 'react';
import { ApplyDialog } from './ApplyDialog.js';
import { ChatPanel } from './ChatPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { FindingsPanel } from './FindingsPanel.js';
import { HistoryPanel } from './HistoryPanel.js';
import { ReportEditor } from './ReportEditor.js';
import { SignPanel, type SignPanelHandle } from './SignPanel.js';
import { useReport } from './useReport.js';
import './report.css';

const tabs = [
	{ id: 'report', label: 'Report', key: '1' },
	{ id: 'chat', label: 'Assistant', key: '2' },
	{ id: 'export', label: 'Export & handout', key: '3' },
	{ id: 'history', label: 'History', key: '4' },
] as const;
type Tab = (typeof tabs)[number]['id'];

/**
 * Findings, draft, editor, conversation, signature and exports of the open study. Keyboard: Alt+1..4
 * tabs, Alt+F findings, Alt+E editor, Alt+C chat, Alt+A apply corrections, Alt+U undo apply, Ctrl+Enter sign,
 * Ctrl+S save.
 */
export function ReportPane({ studyId }: { studyId: number }) {
	const h = useReport(studyId);
	const [tab, setTab] = useState<Tab>('report');
	const sign = useRef<SignPanelHandle>(null);
	const drafted = useRef(false);
	const s = h.state;

	// Opening an undrafted study drafts it (sharing the background queue's work if it already started).
	useEffect(() => {
		if (!s || s.report || drafted.current) return;
		drafted.current = true;
		void h.run('draft', () => h.api['report.draft']({ studyId }));
	}, [s, h, studyId]);

	// When the draft is ready, the keyboard lands on the findings (unless the reader is already somewhere).
	const hasReport = !!s?.report;
	useEffect(() => {
		if (!hasReport || (document.activeElement && document.activeElement !== document.body)) return;
		document.querySelector<HTMLElement>('#rp-findings-list [tabindex="0"]')?.focus();
	}, [hasReport]);

	const [askReplace, setAskReplace] = useState<{ opener: HTMLElement | null } | null>(null);
	const runApply = (replaceEdits: boolean) => {
		setAskReplace(null);
		void h.run('apply', () => h.api['report.applyCorrections']({ studyId, replaceEdits }));
	};
	// Whether the reader edited is read from the stored versions, after saving what they just typed.
	const apply = async () => {
		if (h.busy || askReplace) return;
		const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		if (!(await h.flushEdits())) return;
		const fresh = await h.reload().catch((e: Error) => {
			h.setError(e.message);
			return null;
		});
		if (!fresh?.report || fresh.report.status !== 'draft') return;
		if (fresh.editedSinceModel) setAskReplace({ opener });
		else runApply(false);
	};
	const undoApply = () => {
		if (h.busy || !s?.undoApply) return;
		void h.run('undo', () => h.api['report.undoApply']({ studyId }));
	};

	useEffect(() => {
		const onKey = (e: KeyboardEvent) => {
			if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
				e.preventDefault();
				setTab('report');
				setTimeout(() => sign.current?.startSign(), 0);
				return;
			}
			if (!e.altKey || e.ctrlKey || e.metaKey) return;
			const k = e.key.toLowerCase();
			const t = tabs.find((x) => x.key === k);
			if (t) {
				e.preventDefault();
				setTab(t.id);
				return;
			}
			const focus = (tabId: Tab, selector: string) => {
				setTab(tabId);
				setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 0);
			};
			if (k === 'a') {
				e.preventDefault();
				void apply();
			} else if (k === 'u') {
				e.preventDefault();
				undoApply();
			} else if (k === 'f') {
				e.preventDefault();
				focus('report', '#rp-findings-list [tabindex="0"]');
			} else if (k === 'e') {
				e.preventDefault();
				focus('report', '#rp-findings-text');
			} else if (k === 'c') {
				e.preventDefault();
				focus('chat', '#rp-chat-input');
			}
		};
		window.addEventListener('keydown', onKey);
		return () => window.removeEventListener('keydown', onKey);
	});

	const status = s?.report?.status ?? (h.busy === 'draft' || h.stream ? 'drafting' : 'none');
	return (
		<section
			className="report-pane"
			aria-label="Report"
			data-testid="report-pane"
			data-study-id={studyId}
			data-state={!s ? 'loading' : s.report ? 'ready' : h.busy ? 'drafting' : 'empty'}
			data-busy={h.busy ?? ''}
			data-report-status={status}
		>
			{s && (
				<header className="rp-head">
					{/* Who the patient is stands in the banner above images and report. */}
					<span className="spacer" />
					<span className={`rp-status rp-status-${status}`} data-testid="report-status" data-status={status}>
						{status === 'signed'
							? 'Signed'
							: status === 'draft'
								? 'Draft'
								: status === 'drafting'
									? 'Drafting…'
									: 'No report'}
					</span>
				</header>
			)}
			{s && status !== 'signed' && (s.report?.aiGenerated || h.stream) && (
				<div className="rp-draft-banner" role="note" data-testid="draft-banner">
					DRAFT — AI-generated, not signed
				</div>
			)}
			{s?.modelNotice && (
				<div className="rp-notice" data-testid="report-model-notice">
					{s.modelNotice}
				</div>
			)}
			{h.error && (
				<div className="banner banner-error" role="alert" data-testid="report-error">
					{h.error}{' '}
					<button type="button" onClick={() => h.setError(null)}>
						Dismiss
					</button>
				</div>
			)}
			{s && !s.report && !h.stream && h.busy !== 'draft' && (
				<div className="rp-empty" data-testid="report-empty">
					<p>No draft yet{s.assistantProblem ? `: ${s.assistantProblem}` : '.'}</p>
					<button type="button" onClick={() => void h.run('draft', () => h.api['report.draft']({ studyId }))}>
						Draft with the assistant
					</button>
				</div>
			)}
			{s && (
				<>
					<nav className="rp-tabs" role="tablist" aria-label="Report sections">
						{tabs.map((t) => (
							<button
								key={t.id}
								type="button"
								role="tab"
								aria-selected={tab === t.id}
								data-testid={`tab-${t.id}`}
								onClick={() => setTab(t.id)}
								title={`Alt+${t.key}`}
							>
								{t.label}
							</button>
						))}
						<span className="spacer" />
						{h.busy && (
							<span className="rp-busy" data-testid="report-busy">
								{h.stream?.tokensPerSecond
									? `${h.busy} · ${h.stream.tokensPerSecond.toFixed(0)} tok/s`
									: `${h.busy}…`}
							</span>
						)}
					</nav>
					<div className="rp-body" role="tabpanel">
						{tab === 'report' && (
							<>
								<FindingsPanel h={h} onApply={() => void apply()} />
								{s.report ? (
									<ReportEditor h={h} />
								) : (
									h.stream && (
										<div className="rp-streaming" data-testid="draft-stream">
											{h.stream.text}
											<span className="rp-caret" />
										</div>
									)
								)}
								{s.report && <SignPanel ref={sign} h={h} />}
							</>
						)}
						{tab === 'chat' && <ChatPanel h={h} />}
						{tab === 'export' && <ExportPanel h={h} />}
						{tab === 'history' && <HistoryPanel h={h} />}
					</div>
					{askReplace && (
						<ApplyDialog
							returnFocusTo={askReplace.opener}
							onCancel={() => setAskReplace(null)}
							onReplace={() => runApply(true)}
						/>
					)}
					<footer className="rp-keys muted">
						Alt+F findings · a/r accept/reject · Alt+A apply · Alt+U undo apply · Alt+E edit · Alt+C ask ·
						Ctrl+Enter sign
					</footer>
				</>
			)}
		</section>
	);
}
