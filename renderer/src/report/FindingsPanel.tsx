import { useRef, useState, type KeyboardEvent } from 'react';
import type { FindingState } from '../../../src/common/api/reportContract.js';
import type { ReportHandle } from './useReport.js';

/**
 * The 14 CheXpert findings with the classifier's probability; accept, reject or add each. Keyboard:
 * ↑/↓ (or j/k) move, a accept, r reject, u undo the decision; Alt+A applies the corrections.
 */
export function FindingsPanel({ h, onApply }: { h: ReportHandle; onApply: () => void }) {
	const s = h.state!;
	const [focus, setFocus] = useState(0);
	const rows = useRef<(HTMLLIElement | null)[]>([]);
	const locked = s.report?.status === 'signed' || h.busy !== null;
	const decide = (f: FindingState, decision: 'accepted' | 'rejected' | null) => {
		if (locked) return;
		void h.run(`decide ${f.label}`, () =>
			h.api['report.decideFinding']({ studyId: s.studyId, label: f.label, decision }),
		);
	};
	const move = (i: number) => {
		const n = (i + s.findings.length) % s.findings.length;
		setFocus(n);
		rows.current[n]?.focus();
	};
	const onKey = (e: KeyboardEvent, i: number, f: FindingState) => {
		if (e.altKey || e.ctrlKey || e.metaKey) return;
		const k = e.key.toLowerCase();
		if (k === 'arrowdown' || k === 'j') {
			e.preventDefault();
			move(i + 1);
		} else if (k === 'arrowup' || k === 'k') {
			e.preventDefault();
			move(i - 1);
		} else if (k === 'a') {
			e.preventDefault();
			decide(f, 'accepted');
		} else if (k === 'r') {
			e.preventDefault();
			decide(f, 'rejected');
		} else if (k === 'u') {
			e.preventDefault();
			decide(f, null);
		}
	};
	const { add, remove } = s.pendingCorrection;
	const pending = add.length + remove.length;
	return (
		<section className="rp-findings" aria-label="Findings" data-testid="findings-panel">
			<div className="rp-section-head">
				<h3>
					Findings <span className="muted">(AI prediction, your decision)</span>
				</h3>
				<button
					type="button"
					className="rp-primary"
					data-testid="apply-corrections"
					disabled={!pending || locked}
					onClick={onApply}
					title="Send the corrections to the assistant and regenerate the draft (Alt+A)"
				>
					Apply{pending ? ` (${pending})` : ''}
				</button>
			</div>
			{pending > 0 && (
				<p className="rp-pending" data-testid="pending-correction">
					{add.length > 0 && (
						<>
							Add: <b>{add.join(', ')}</b>.{' '}
						</>
					)}
					{remove.length > 0 && (
						<>
							Remove: <b>{remove.join(', ')}</b>.
						</>
					)}
				</p>
			)}
			<ul className="rp-finding-list" role="listbox" aria-label="CheXpert findings" id="rp-findings-list">
				{s.findings.map((f, i) => (
					<li
						key={f.label}
						ref={(el) => {
							rows.current[i] = el;
						}}
						role="option"
						aria-selected={focus === i}
						tabIndex={focus === i ? 0 : -1}
						className={
							`rp-finding ${f.positive ? 'is-positive' : ''} ` + (f.decision ? `is-${f.decision}` : '')
						}
						data-testid="finding-row"
						data-label={f.label}
						data-positive={String(f.positive)}
						data-decision={f.decision ?? 'none'}
						data-predicted={f.probability === null ? 'no' : 'yes'}
						onKeyDown={(e) => onKey(e, i, f)}
						onFocus={() => setFocus(i)}
					>
						<span className="rp-finding-name">{f.label}</span>
						<span className="rp-prob" title="Classifier probability">
							{f.probability === null ? (
								'–'
							) : (
								<>
									<meter min={0} max={1} value={f.probability} />
									{Math.round(f.probability * 100)}%
								</>
							)}
						</span>
						<span className="rp-pred">
							{f.predictedPositive === null ? '' : f.predictedPositive ? 'predicted +' : 'predicted −'}
						</span>
						<span className="rp-decide">
							<button
								type="button"
								aria-pressed={f.decision === 'accepted'}
								disabled={locked}
								data-testid="accept"
								title="Accept / add (a)"
								onClick={() => decide(f, f.decision === 'accepted' ? null : 'accepted')}
							>
								✓
							</button>
							<button
								type="button"
								aria-pressed={f.decision === 'rejected'}
								disabled={locked}
								data-testid="reject"
								title="Reject (r)"
								onClick={() => decide(f, f.decision === 'rejected' ? null : 'rejected')}
							>
								✗
							</button>
						</span>
					</li>
				))}
			</ul>
		</section>
	);
}
