import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { evaluateDemoModels } from './evaluateDemoModels.js';

// A small held-out sample (seeds never used in training) through the real path: DICOM → decoder →
// ONNX vision → llama.cpp → labeler. Only the first turn here, to stay fast; bench/demo-models.ts runs
// the follow-up tasks too (corrections, questions, easy language, summaries) and prints every number.
test(
	'the demo models on held-out phantoms: classifier macro F1 >= 0.8, drafted-report labels macro F1 >= 0.7',
	{ timeout: 600_000 },
	async () => {
		const r = await evaluateDemoModels({
			modelsDir: path.resolve('models/demo'),
			seeds: Array.from({ length: 10 }, (_, i) => 900001 + i),
			threads: 2,
			followUps: false,
		});
		const numbers = JSON.stringify({ classifier: r.classifierPerLabelF1, report: r.reportPerLabelF1 });
		assert.ok(r.classifierMacroF1 >= 0.8, `classifier macro F1 ${r.classifierMacroF1.toFixed(3)} ${numbers}`);
		assert.ok(r.reportMacroF1 >= 0.7, `drafted reports macro F1 ${r.reportMacroF1.toFixed(3)} ${numbers}`);
	},
);
