import type { ChexpertLabel } from '../../common/domain/chexpert.js';

/**
 * The positive CheXpert findings a report text states: the consistency guard's view of a ReportLabeler
 * (src/common/labeler), narrowed to the one question the guard asks.
 */
export interface PositiveFindingsReader {
	positiveFindings(text: string): Promise<readonly ChexpertLabel[]>;
}
