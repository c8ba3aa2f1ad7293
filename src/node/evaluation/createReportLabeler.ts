import fs from 'node:fs';
import type { ReportLabeler } from '../../common/labeler/ReportLabeler.js';
import { RuleBasedReportLabeler } from '../../common/labeler/RuleBasedReportLabeler.js';
import { ModelManifest } from '../../common/models/ModelManifest.js';
import { manifestPathOf } from '../inference/loadModelSet.js';

export class LabelerModelUnavailable extends Error {
	override readonly name = 'LabelerModelUnavailable';
}

/**
 * The one place that picks a report labeler. A manifest's optional `labeler` entry (CheXbert as ONNX)
 * would be served by an ONNX adapter in src/node/inference/onnx/, which needs CheXbert's WordPiece
 * tokenizer and is not written yet: such a manifest is refused rather than silently labelled by rules.
 * `preferRules` lets a caller opt into the rule-based labeler anyway.
 */
/** `manifestPath` may be the model folder or its manifest file. */
export async function createReportLabeler(options: { manifestPath?: string; preferRules?: boolean } = {}): Promise<ReportLabeler> {
	if (options.manifestPath && !options.preferRules) {
		const manifest = ModelManifest.parse(JSON.parse(fs.readFileSync(manifestPathOf(options.manifestPath), 'utf8')));
		if (manifest.labeler) {
			throw new LabelerModelUnavailable(
				`the model set "${manifest.name}" lists a labeler model (${manifest.labeler.file}), but ONNX report labelers are not supported yet; use --labeler rules`,
			);
		}
	}
	return new RuleBasedReportLabeler();
}
