import type { ReportLabeler } from '../../common/labeler/ReportLabeler.js';
import { RuleBasedReportLabeler } from '../../common/labeler/RuleBasedReportLabeler.js';
import { readManifest, verifyFileHashes } from '../inference/loadModelSet.js';

/**
 * The one place that picks a report labeler. A model set whose manifest lists a `labeler` (CheXbert as
 * ONNX) is labelled by that model, once its graph and vocabulary pass their sha256 check; a listed
 * labeler that cannot be used fails with the named model-set error (file missing, hash mismatch, shape
 * mismatch, corrupt), never silently falling back to rules. Without a manifest, with one that lists no
 * labeler, or with `preferRules` (`--labeler rules`), the rule-based labeler is used.
 * `manifestPath` may be the model folder or its manifest file.
 */
export async function createReportLabeler(
	options: { manifestPath?: string; preferRules?: boolean; threads?: number } = {},
): Promise<ReportLabeler> {
	if (options.manifestPath && !options.preferRules) {
		const { manifestPath, manifest } = readManifest(options.manifestPath);
		const spec = manifest.labeler;
		if (spec) {
			// onnxruntime-node loads only for a model set with a labeler, not with the workstation.
			const { OnnxReportLabeler } = await import('../inference/onnx/OnnxReportLabeler.js');
			const { file, vocabFile } = OnnxReportLabeler.files(manifestPath, spec);
			await verifyFileHashes(manifestPath, [
				[file, spec.sha256],
				[vocabFile, spec.tokenizer.vocab.sha256],
			]);
			return OnnxReportLabeler.open(manifestPath, spec, options.threads ? { threads: options.threads } : {});
		}
	}
	return new RuleBasedReportLabeler();
}
