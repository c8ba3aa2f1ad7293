import type { ChexpertLabel } from '../domain/chexpert.js';
import { phantomDevices, type PhantomFindings, type Side } from './PhantomCase.js';
import type { Prng } from './Prng.js';

/**
 * The same patient with a different set of positive findings: details of findings kept from `base`,
 * invented (from rng) for findings it lacks. Used to write reports with errors for the correction task.
 */
export function findingsWithLabels(
	base: PhantomFindings,
	labels: readonly ChexpertLabel[],
	rng: Prng,
): PhantomFindings {
	const has = (l: ChexpertLabel) => labels.includes(l);
	const side = (): Side => rng.pick(['right', 'left'] as const);
	return {
		cardiomegaly: has('Cardiomegaly'),
		enlargedMediastinum: has('Enlarged Cardiomediastinum'),
		effusion: has('Pleural Effusion')
			? (base.effusion ?? { sides: [side()], grade: rng.pick(['small', 'moderate'] as const) })
			: null,
		pneumothorax: has('Pneumothorax')
			? (base.pneumothorax ?? { side: side(), grade: rng.pick(['small', 'moderate'] as const) })
			: null,
		consolidation: has('Consolidation') ? (base.consolidation ?? { side: side(), zone: 'lower' }) : null,
		opacity: has('Lung Opacity')
			? (base.opacity ?? { side: side(), zone: rng.pick(['upper', 'middle', 'lower'] as const) })
			: null,
		edema: has('Edema') ? (base.edema ?? { grade: 'mild' }) : null,
		atelectasis: has('Atelectasis') ? (base.atelectasis ?? { sides: [side()] }) : null,
		lesion: has('Lung Lesion')
			? (base.lesion ?? { side: side(), zone: 'upper', count: 1, sizeMm: rng.int(12, 20) })
			: null,
		fracture: has('Fracture') ? (base.fracture ?? { side: side(), site: 'rib', rib: rng.int(3, 7) }) : null,
		devices: has('Support Devices') ? (base.devices.length ? base.devices : [rng.pick(phantomDevices)]) : [],
	};
}
