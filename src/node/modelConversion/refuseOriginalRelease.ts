import { OriginalReleaseNotConvertible } from './conversionErrors.js';

/**
 * The original RaDialog release cannot be converted faithfully. Its Q-Former reads BioViL-T's patch
 * features through a 512 -> 1408 projection that no published file contains: the reference builds it
 * from the random seed when the model is created, keeps it frozen, and frozen weights are left out
 * when checkpoints are saved; the authors' demo even seeds differently from training. A conversion
 * would have to guess those weights, and a guess feeds the language model different image tokens.
 */
export function refuseOriginalRelease(): never {
	throw new OriginalReleaseNotConvertible(
		'The original RaDialog release cannot be converted faithfully. Its image path needs a projection ' +
			'(BioViL-T features 512 -> 1408, feeding the Q-Former) that is in no published file: the reference ' +
			'code creates it from the random seed when the model is built, keeps it frozen, and frozen weights ' +
			"are dropped when checkpoints are saved (the authors' demo even seeds differently from training). " +
			'Any conversion would have to guess these weights. Use --variant radialog-llava, the improved ' +
			'release, whose files contain every weight.',
	);
}
