import type { AskRequest } from '../../common/api/reportContract.js';

/** The question as the reader sees it in the chat (the model gets the stack's own wording). */
export function describeRequest(r: AskRequest): string {
	switch (r.task) {
		case 'FQA_complete':
			return 'List all findings.';
		case 'FQA_binary':
			return `Is there evidence of ${r.pathology.toLowerCase()}?`;
		case 'RE':
			return `Why do you think the patient has ${r.pathology.toLowerCase()}?`;
		case 'RQA':
			return `${r.region}: ${r.question}`;
		case 'EL':
			return 'Explain the report in easy language.';
		case 'SU':
			return 'Summarise the report.';
		case 'CO':
			return (
				`Correct the report: add ${r.add.join(', ') || 'nothing'}; ` +
				`remove ${r.remove.join(', ') || 'nothing'}.`
			);
		case 'free':
			return r.text;
	}
}
