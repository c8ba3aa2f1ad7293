import type { Contradiction } from '../../common/api/reportContract.js';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { checkAgainstReport } from '../../common/faithfulness/index.js';
import type { AssistantImage, ReportAssistant } from '../../common/radialog/ReportAssistant.js';
import { draftHistory } from './draftHistory.js';

export interface DraftedImpression {
	readonly text: string;
	/** drafted: stored; dropped: it contradicted the findings; failed: no summary; kept: the reader's own. */
	readonly outcome: 'drafted' | 'dropped' | 'failed' | 'kept';
	readonly contradictions: Contradiction[];
}

/**
 * The Impression as RaDialog's summary task (SU) writes it from the drafted findings, checked against them.
 * A summary that contradicts the findings is dropped rather than stored: the Impression stays empty and the
 * sign dialog says so, so the reader writes it. A failed summary never costs the findings.
 */
export async function summaryImpression(
	assistant: ReportAssistant,
	input: { image: AssistantImage; findings: readonly ChexpertLabel[]; report: string },
	signal?: AbortSignal,
): Promise<DraftedImpression> {
	try {
		const out = await assistant.followUp(
			{ ...input, history: [], request: { task: 'SU' } },
			signal ? { signal } : undefined,
		);
		const text = out.text.trim();
		if (out.stoppedBy === 'cancelled' || !text) return { text: '', outcome: 'failed', contradictions: [] };
		const contradictions = checkAgainstReport([input.report], text);
		if (contradictions.length) return { text: '', outcome: 'dropped', contradictions };
		return { text, outcome: 'drafted', contradictions: [] };
	} catch {
		return { text: '', outcome: 'failed', contradictions: [] };
	}
}

/**
 * The Impression that goes with newly written findings: the reader's own (`current`, with the stored
 * versions that tell who wrote it) is kept; the model's, or none, is drafted anew from the new findings,
 * since the old one summed up findings that have changed.
 */
export function impressionAfter(
	assistant: ReportAssistant,
	input: Parameters<typeof summaryImpression>[1],
	current: { impression: string; versions: Parameters<typeof draftHistory>[0] } | null,
	signal?: AbortSignal,
): Promise<DraftedImpression> {
	if (current?.impression.trim() && !draftHistory(current.versions, current.impression).impressionByModel)
		return Promise.resolve({ text: current.impression, outcome: 'kept', contradictions: [] });
	return summaryImpression(assistant, input, signal);
}

/** What the audit entry of a draft or correction says about its Impression. */
export function impressionAudit(i: DraftedImpression): Record<string, unknown> {
	return {
		impression: i.outcome,
		...(i.contradictions.length ? { impressionContradictions: i.contradictions } : {}),
	};
}
