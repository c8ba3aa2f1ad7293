import { chexpertLabels, type ChexpertLabel } from '../../common/domain/chexpert.js';
import { readStatements } from '../../common/faithfulness/index.js';

const labels = new Set<string>(chexpertLabels);

/**
 * The CheXpert findings a report text denies ("No pleural effusion.", "The tube has been removed."), by
 * the rules of the faithfulness checker; a named device counts as Support Devices.
 */
export function deniedFindings(text: string): Set<ChexpertLabel> {
	const out = new Set<ChexpertLabel>();
	for (const s of readStatements(text))
		if (s.presence === 'denied') out.add(labels.has(s.finding) ? (s.finding as ChexpertLabel) : 'Support Devices');
	return out;
}
