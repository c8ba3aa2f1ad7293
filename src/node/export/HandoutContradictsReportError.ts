import { ApiError } from '../../common/api/errors.js';
import { describeContradiction, type Contradiction } from '../../common/faithfulness/index.js';

/** A handout that says what the report does not: refused until corrected, or overridden with a reason. */
export class HandoutContradictsReportError extends ApiError {
	constructor(readonly contradictions: readonly Contradiction[]) {
		super(
			'conflict',
			`The patient handout contradicts the report: ${contradictions.map(describeContradiction).join(' ')} ` +
				'Correct the handout, or export it with a reason for overriding this check.',
			'HandoutContradictsReport',
		);
	}
}
