import type { ChexpertLabel } from '../domain/chexpert.js';
import { renderInstruction, maxNewTokens, type RadialogTask } from './instructTemplates.js';
import { renderReportGenerationMessage } from './reportGenerationMessage.js';
import type { AssistantRequest, ChatTurn } from './ReportAssistant.js';
import { renderVicunaPrompt, type VicunaTurn } from './vicunaPrompt.js';

export class MalformedHistory extends Error {
	override readonly name = 'MalformedHistory';
}

/** The user message of a follow-up request, and its task's token limit. */
export function renderRequest(
	request: AssistantRequest,
	variantIndex = 0,
): { message: string; task: RadialogTask | 'free'; maxTokens: number } {
	switch (request.task) {
		case 'free':
			return { message: request.text, task: 'free', maxTokens: maxNewTokens.free };
		case 'FQA_binary':
		case 'RE':
			return {
				message: renderInstruction(request.task, variantIndex, { pathology: request.pathology }),
				task: request.task,
				maxTokens: maxNewTokens[request.task],
			};
		case 'RQA':
			return {
				message: renderInstruction('RQA', variantIndex, { region: request.region, question: request.question }),
				task: 'RQA',
				maxTokens: maxNewTokens.RQA,
			};
		case 'CO':
			return {
				message: renderInstruction('CO', variantIndex, { add: request.add, remove: request.remove }),
				task: 'CO',
				maxTokens: maxNewTokens.CO,
			};
		default:
			return {
				message: renderInstruction(request.task, variantIndex),
				task: request.task,
				maxTokens: maxNewTokens[request.task],
			};
	}
}

/** The full prompt of the first turn (report generation), ending at "ASSISTANT:". */
export function renderReportGenerationPrompt(system: string, findings: readonly ChexpertLabel[]): string {
	return renderVicunaPrompt(system, [{ user: renderReportGenerationMessage(findings) }]);
}

/**
 * The full prompt of a later turn: the report-generation exchange (answer = the current report), the
 * turns after it (user/assistant pairs), then the new user message. `reportMessage`: the model variant's
 * first message (chatTemplates.ts).
 */
export function renderFollowUpPrompt(
	system: string,
	findings: readonly ChexpertLabel[],
	report: string,
	history: readonly ChatTurn[],
	message: string,
	reportMessage: (positive: readonly ChexpertLabel[]) => string = renderReportGenerationMessage,
): string {
	const turns: VicunaTurn[] = [{ user: reportMessage(findings), assistant: report }];
	for (let i = 0; i < history.length; i += 2) {
		const u = history[i];
		const a = history[i + 1];
		if (u?.role !== 'user' || a?.role !== 'assistant')
			throw new MalformedHistory('history must alternate user and assistant turns, starting with the user');
		turns.push({ user: u.text, assistant: a.text });
	}
	turns.push({ user: message });
	return renderVicunaPrompt(system, turns);
}
