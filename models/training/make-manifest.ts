// Copies the trained files into the model folder and writes manifest.json (checked against the schema).
//   node --import tsx models/training/make-manifest.ts TRAIN_OUT_DIR MODEL_DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chexpertLabels } from '../../src/common/domain/chexpert.js';
import { ModelManifest } from '../../src/common/models/ModelManifest.js';
import { IMAGE_PLACEHOLDER_COUNT } from '../../src/common/radialog/vicunaPrompt.js';
import { placeholderTokenIds } from './placeholderTokenIds.js';

const [from = 'models/training/.cache/out', to = 'models/demo'] = process.argv.slice(2);
fs.mkdirSync(to, { recursive: true });
const sha = (f: string) =>
	crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(to, f)))
		.digest('hex');
for (const f of ['encoder.onnx', 'classifier.onnx', 'radialog-demo-llm.gguf'])
	fs.copyFileSync(path.join(from, f), path.join(to, f));
const cls = JSON.parse(fs.readFileSync(path.join(from, 'classifier.json'), 'utf8')) as { thresholds: number[] };
const lm = JSON.parse(fs.readFileSync(path.join(from, 'lm-config.json'), 'utf8')) as { d: number; layers: number };
const preprocessing = {
	rescale: 'minmax',
	invertMonochrome1: true,
	resizeShortSide: 512,
	centerCrop: 448,
	valueRange: [0, 1],
	channels: 3,
} as const;
const manifest = ModelManifest.parse({
	schemaVersion: 1,
	name: 'radialog-demo',
	description:
		'Tiny demo models trained by this project on synthetic chest phantoms (models/training): ' +
		`a CNN + Q-Former encoder, a CheXpert classifier and a ${lm.layers}-layer, ${lm.d}-wide Llama ` +
		'with the Llama vocabulary. Same architecture and interfaces as RaDialog; not its weights.',
	notice: 'Demo models, synthetic data, not for clinical use',
	vision: {
		encoder: {
			file: 'encoder.onnx',
			sha256: sha('encoder.onnx'),
			format: 'onnx',
			input: { name: 'image', shape: [-1, 3, 448, 448] },
			output: { name: 'embeddings', shape: [-1, IMAGE_PLACEHOLDER_COUNT, lm.d] },
			preprocessing,
		},
		classifier: {
			file: 'classifier.onnx',
			sha256: sha('classifier.onnx'),
			format: 'onnx',
			input: { name: 'image', shape: [-1, 3, 448, 448] },
			output: { name: 'probabilities', shape: [-1, 14] },
			outputKind: 'probabilities',
			preprocessing,
			labels: [...chexpertLabels],
			thresholds: cls.thresholds,
		},
	},
	llm: {
		file: 'radialog-demo-llm.gguf',
		sha256: sha('radialog-demo-llm.gguf'),
		format: 'gguf',
		loraAdapters: [],
		chatTemplate: 'vicuna_v1.1',
		systemPrompt: fs
			.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'system-prompt.txt'), 'utf8')
			.trim(),
		contextSize: 2048,
		gpuLayers: 0,
		embeddingLength: lm.d,
		imagePlaceholderTokenIds: placeholderTokenIds,
	},
});
fs.writeFileSync(path.join(to, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
console.log('wrote', path.join(to, 'manifest.json'));
