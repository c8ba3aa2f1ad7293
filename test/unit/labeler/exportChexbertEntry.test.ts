import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ReportLabelerModel } from '../../../src/common/models/ModelManifest.js';
import { createReportLabeler } from '../../../src/node/evaluation/createReportLabeler.js';
import { copyTestLabelerModel } from '../../fixtures/testLabelerModel.js';
import { tempDir } from '../../helpers/tempDir.js';

const script = path.resolve('models/convert/export_chexbert.py');

// CheXbert's weights and transformers are not available here. The `entry` step is checked on the test
// labeler (CheXbert's inputs, head_0..head_13 outputs); the `export` step on a stand-in for CheXbert's
// models/bert_labeler.py with the same interface (bert_labeler(), forward(ids, mask) -> 14 logits
// tensors) but no BERT inside: it proves the checkpoint handling, the ONNX export with free batch and
// token dimensions, and the entry, not that a real CheXbert exports.
test('export_chexbert.py entry writes a labeler entry the workstation loads', async () => {
	const dir = copyTestLabelerModel(tempDir());
	const r = spawnSync(
		'/usr/bin/python3',
		[
			script,
			'entry',
			'--onnx',
			path.join(dir, 'labeler.onnx'),
			'--vocab',
			path.join(dir, 'vocab.txt'),
			'--name',
			'converted',
		],
		{ encoding: 'utf8' },
	);
	assert.equal(r.status, 0, r.stderr);
	const entry = JSON.parse(r.stdout) as ReportLabelerModel;
	assert.equal(entry.tokenizer.maxTokens, 512);
	assert.deepEqual(entry.heads.map((h: { label: string }) => h.label).slice(0, 3), [
		'Enlarged Cardiomediastinum',
		'Cardiomegaly',
		'Lung Opacity',
	]);
	assert.deepEqual(entry.heads.at(-1), {
		output: 'head_13',
		label: 'No Finding',
		classes: ['not_mentioned', 'positive'],
	});
	const manifestFile = path.join(dir, 'manifest.json');
	fs.writeFileSync(
		manifestFile,
		JSON.stringify({ ...(JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as object), labeler: entry }),
	);
	const labeler = await createReportLabeler({ manifestPath: dir });
	try {
		assert.equal(labeler.name, 'converted');
		const [l] = await labeler.label(['Small pleural effusion. Zorblax.']);
		assert.equal(l!['Pleural Effusion'], 'positive');
		assert.equal(l!.Edema, 'positive');
	} finally {
		await labeler.close();
	}
	const bad = spawnSync(
		'/usr/bin/python3',
		[script, 'entry', '--onnx', path.join(dir, 'vocab.txt'), '--vocab', path.join(dir, 'vocab.txt')],
		{ encoding: 'utf8' },
	);
	assert.notEqual(bad.status, 0, 'a file that is no ONNX graph is refused');
});

const standIn = `
import torch
class bert_labeler(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(7)
        self.bert = torch.nn.Embedding(VOCAB, 8)
        self.linear_heads = torch.nn.ModuleList([torch.nn.Linear(8, 4) for _ in range(13)] + [torch.nn.Linear(8, 2)])
    def forward(self, source_padded, attention_mask):
        m = attention_mask.unsqueeze(-1).to(torch.float32)
        pooled = (self.bert(source_padded) * m).sum(1) / m.sum(1)
        return [h(pooled) for h in self.linear_heads]
`;

test(
	'export_chexbert.py export: checkpoint (DataParallel keys) -> ' +
		'ONNX with free batch and length -> an entry the workstation loads',
	async () => {
		const dir = tempDir();
		const vocab = fs.readFileSync(path.join(copyTestLabelerModel(dir), 'vocab.txt'), 'utf8');
		fs.writeFileSync(path.join(dir, 'vocab.txt'), vocab);
		const vocabSize = vocab.split('\n').length;
		fs.mkdirSync(path.join(dir, 'src', 'models'), { recursive: true });
		const standInFile = path.join(dir, 'src', 'models', 'bert_labeler.py');
		fs.writeFileSync(standInFile, standIn.replace('VOCAB', String(vocabSize)));
		// The checkpoint: every weight zero except Cardiomegaly's positive bias, so only a loaded checkpoint
		// (not the random init) gives these labels.
		const make = `
import sys, torch
sys.path.insert(0, sys.argv[1])
from models.bert_labeler import bert_labeler
m = bert_labeler()
state = {k: torch.zeros_like(v) for k, v in m.state_dict().items()}
state['linear_heads.1.bias'] = torch.tensor([0., 5., 0., 0.])
torch.save({'model_state_dict': {'module.' + k: v for k, v in state.items()}}, sys.argv[2])
`;
		const mk = spawnSync('/usr/bin/python3', ['-c', make, path.join(dir, 'src'), path.join(dir, 'chexbert.pth')], {
			encoding: 'utf8',
		});
		assert.equal(mk.status, 0, mk.stderr);
		const out = path.join(dir, 'set');
		const r = spawnSync(
			'/usr/bin/python3',
			[
				script,
				'export',
				'--chexbert-src',
				path.join(dir, 'src'),
				'--checkpoint',
				path.join(dir, 'chexbert.pth'),
				'--vocab',
				path.join(dir, 'vocab.txt'),
				'--out',
				out,
			],
			{ encoding: 'utf8' },
		);
		assert.equal(r.status, 0, r.stderr);
		const manifestFile = path.join(copyTestLabelerModel(tempDir()), 'manifest.json');
		const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as object;
		fs.writeFileSync(
			path.join(out, 'manifest.json'),
			JSON.stringify({ ...manifest, labeler: JSON.parse(r.stdout) as unknown }),
		);
		const labeler = await createReportLabeler({ manifestPath: out });
		try {
			const texts = ['Effusion.', 'No pneumothorax, small left pleural effusion and a tube.', ''];
			const batch = await labeler.label(texts);
			for (const l of batch)
				assert.deepEqual(
					Object.entries(l).filter(([, s]) => s !== 'not_mentioned'),
					[['Cardiomegaly', 'positive']],
				);
			assert.deepEqual(
				await labeler.label([texts[1]!]),
				[batch[1]],
				'batch and length are free dimensions of the exported graph',
			);
		} finally {
			await labeler.close();
		}
	},
);
