import type { AskRequest, ChatMessage } from '../../common/api/reportContract.js';
import { checkAnswer, isManagementQuestion, reportParts } from '../../common/faithfulness/index.js';
import type { GeneratedText } from '../../common/radialog/ReportAssistant.js';
import { answerToManagementQuestion } from './answerToManagementQuestion.js';
import type { AuditTrail } from './AuditTrail.js';
import { describeRequest } from './describeRequest.js';
import type { SqliteConversationStore } from './SqliteConversationStore.js';

/** What an answer is recorded against: the report as it stood when asked, with its addenda. */
interface AskedAbout {
	readonly id: number;
	readonly findings: string;
	readonly impression: string;
	readonly addenda: readonly { text: string }[];
}

/**
 * Stores a question and the assistant's answer and audits them. Every answer but a proposed correction
 * (which differs from the report by design) is checked against the report and its addenda, and the check
 * is kept with it; a treatment or procedure question's answer leads with the clinician caveat.
 */
export function recordAnswer(
	conversation: Pick<SqliteConversationStore, 'addMessage'>,
	audit: AuditTrail,
	a: { studyId: number; report: AskedAbout; request: AskRequest; out: GeneratedText; actor: string },
): { question: ChatMessage; answer: ChatMessage } {
	const { studyId, report, request, out } = a;
	const reply = out.text.trim();
	const asked = request.task === 'free' ? request.text : request.task === 'RQA' ? request.question : '';
	const management = isManagementQuestion(asked);
	const check = request.task === 'CO' ? null : checkAnswer(reportParts(report, report.addenda), reply);
	const question = conversation.addMessage(studyId, {
		role: 'user',
		task: request.task,
		text: describeRequest(request),
		prompt: out.prompt,
		reportText: report.findings,
	});
	const answer = conversation.addMessage(studyId, {
		role: 'assistant',
		task: request.task,
		text: management ? answerToManagementQuestion(reply) : reply,
		stoppedBy: out.stoppedBy,
		check,
	});
	audit.record({
		studyId,
		reportId: report.id,
		actor: a.actor,
		action: 'ask',
		detail: {
			task: request.task,
			messageId: answer.id,
			...(management ? { management: true } : {}),
			...(check && (check.contradictions.length || check.quoteNotInReport) ? { check } : {}),
		},
	});
	return { question, answer };
}
