import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { findingsWithLabels } from '../../common/phantoms/findingsWithLabels.js';
import type { PhantomCase } from '../../common/phantoms/PhantomCase.js';
import type { Prng } from '../../common/phantoms/Prng.js';
import { writeReportSentences } from '../../common/phantoms/sentenceBank.js';

/**
 * A correction the reader asks for on the image's true report (as the workstation and bench do): a random
 * finding added and/or one removed, answered with the same report, word for word, with that edit; every
 * other finding keeps its sentence, side and size.
 */
export function readerEditCorrection(
	c: PhantomCase,
	truth: readonly ChexpertLabel[],
	absent: readonly ChexpertLabel[],
	pick: Prng,
): { add: ChexpertLabel[]; remove: ChexpertLabel[]; report: string } {
	const mode = truth.length ? pick.int(0, 2) : 0;
	const add = mode !== 1 ? [pick.pick(absent)] : [];
	const remove = mode !== 0 ? [pick.pick(truth)] : [];
	const edited = findingsWithLabels(c.findings, [...truth.filter((l) => !remove.includes(l)), ...add], pick);
	const report = writeReportSentences(edited, c.seed)
		.map((x) => x.text)
		.join(' ');
	return { add, remove, report };
}
