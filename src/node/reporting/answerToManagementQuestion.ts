import { treatmentCaveat } from './treatmentCaveat.js';

// "Yes.", "No", "yes, definitely": a decision in one word, which the stored answer must never be.
const bareYesOrNo = /^(?:yes|no)\b[\s\w,.!]{0,20}$/i;

/**
 * The stored answer to a question about treatment or procedures: the caveat first, then the model's
 * reply; a bare yes or no is not passed on as if it were a decision.
 */
export function answerToManagementQuestion(reply: string): string {
	if (bareYesOrNo.test(reply.trim()))
		return `${treatmentCaveat} The assistant does not answer this with a yes or no.`;
	// A model trained to say the caveat itself: said once.
	if (reply.trim().startsWith(treatmentCaveat)) return reply.trim();
	return `${treatmentCaveat}\n\n${reply}`;
}
