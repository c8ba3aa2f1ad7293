import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AskRequest, FindingLabel } from '../../../src/common/api/reportContract.js';
import { FindingLabel as Labels } from '../../../src/common/api/reportContract.js';
import { AnswerCheckMark } from './AnswerCheckMark.js';
import type { ReportHandle } from './useReport.js';

const regions = ['heart', 'lungs', 'pleura', 'mediastinum', 'bones', 'devices'];

/** The conversation about this study: RaDialog's seven instruct tasks as one click, and free questions. */
export function ChatPanel({ h }: { h: ReportHandle }) {
	const s = h.state!;
	const [question, setQuestion] = useState('');
	const [pathology, setPathology] = useState<FindingLabel>(
		s.findings.find((f) => f.positive && f.label !== 'No Finding')?.label ?? 'Pleural Effusion',
	);
	const [region, setRegion] = useState('heart');
	const disabled = !s.report || h.busy !== null;
	const ask = (request: AskRequest) =>
		h.run(`ask ${request.task}`, async () => {
			await h.api['report.ask']({ studyId: s.studyId, request });
			return h.reload();
		});
	const submit = (e: FormEvent) => {
		e.preventDefault();
		const text = question.trim();
		if (!text) return;
		setQuestion('');
		void ask({ task: 'free', text });
	};
	// Answers are checked against the report as it stands: the reader may have edited it on the Report tab
	// since the state was read, so the marks are read afresh when the conversation comes into view.
	const { reload } = h;
	useEffect(() => {
		reload().catch(() => undefined);
	}, [reload]);
	const streaming = h.stream?.kind === 'ask' ? h.stream : null;
	const { add, remove } = s.pendingCorrection;
	// The newest answer, and an answer as it streams, stay in view: the reader asked for it just now.
	// The list scrolls on its own, so the question box below it never leaves the screen.
	const list = useRef<HTMLOListElement>(null);
	const newest = `${s.messages.length}:${streaming?.text.length ?? 0}`;
	useEffect(() => {
		if (list.current) list.current.scrollTop = list.current.scrollHeight;
	}, [newest]);
	return (
		<section className="rp-chat" aria-label="Conversation with the assistant" data-testid="chat-panel">
			<div className="rp-chat-actions" role="toolbar" aria-label="Assistant tasks">
				<button
					type="button"
					disabled={disabled}
					data-testid="ask-FQA_complete"
					onClick={() => void ask({ task: 'FQA_complete' })}
				>
					List findings
				</button>
				<span className="rp-inline">
					<select
						aria-label="Pathology"
						value={pathology}
						onChange={(e) => setPathology(e.target.value as FindingLabel)}
					>
						{Labels.options
							.filter((l) => l !== 'No Finding')
							.map((l) => (
								<option key={l}>{l}</option>
							))}
					</select>
					<button
						type="button"
						disabled={disabled}
						data-testid="ask-FQA_binary"
						onClick={() => void ask({ task: 'FQA_binary', pathology })}
					>
						Is there …?
					</button>
					<button
						type="button"
						disabled={disabled}
						data-testid="ask-RE"
						onClick={() => void ask({ task: 'RE', pathology })}
					>
						Why …?
					</button>
				</span>
				<span className="rp-inline">
					<select aria-label="Region" value={region} onChange={(e) => setRegion(e.target.value)}>
						{regions.map((r) => (
							<option key={r}>{r}</option>
						))}
					</select>
					<button
						type="button"
						disabled={disabled || !question.trim()}
						data-testid="ask-RQA"
						title="Ask the typed question about this region"
						onClick={() => {
							const q = question.trim();
							setQuestion('');
							void ask({ task: 'RQA', region, question: q });
						}}
					>
						Ask about region
					</button>
				</span>
				<button type="button" disabled={disabled} data-testid="ask-EL" onClick={() => void ask({ task: 'EL' })}>
					Easy language
				</button>
				<button type="button" disabled={disabled} data-testid="ask-SU" onClick={() => void ask({ task: 'SU' })}>
					Summary
				</button>
				<button
					type="button"
					disabled={disabled || add.length + remove.length === 0}
					data-testid="ask-CO"
					title="Ask for a corrected text without replacing the draft"
					onClick={() => void ask({ task: 'CO', add, remove })}
				>
					Suggest correction
				</button>
			</div>
			{s.modelNotice && (
				<p className="rp-notice" data-testid="chat-notice">
					{s.modelNotice}. Answers are AI-generated drafts.
				</p>
			)}
			<ol ref={list} className="rp-messages" aria-live="polite" data-testid="chat-messages">
				{s.messages.map((m) => (
					<li
						key={m.id}
						className={`rp-msg rp-msg-${m.role}`}
						data-testid="chat-message"
						data-role={m.role}
						data-task={m.task}
					>
						<span className="rp-msg-who">{m.role === 'user' ? 'You' : 'Assistant (AI draft)'}</span>
						<AnswerCheckMark check={m.check} />
						<div className="rp-msg-text">{m.text}</div>
					</li>
				))}
				{streaming && (
					<li className="rp-msg rp-msg-assistant" data-testid="chat-stream">
						<span className="rp-msg-who">Assistant (AI draft)</span>
						<div className="rp-msg-text">
							{streaming.text}
							<span className="rp-caret" />
						</div>
					</li>
				)}
			</ol>
			<form className="rp-ask" onSubmit={submit}>
				<input
					id="rp-chat-input"
					data-testid="chat-input"
					value={question}
					onChange={(e) => setQuestion(e.target.value)}
					placeholder="Ask about this study… (Alt+C)"
					aria-label="Question"
					disabled={!s.report}
				/>
				<button type="submit" disabled={disabled || !question.trim()}>
					Ask
				</button>
			</form>
		</section>
	);
}
