import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { readDatasetFile } from '../../dataset/writeDatasetFile.js';
import { run } from './dataset.js';

test('radialog dataset build --phantoms writes the dataset and prints the task and label table', async () => {
	const out = path.join(tempDir('dataset-cli'), 'phantom_instruct.json.gz');
	const lines: string[] = [];
	const log = console.log;
	console.log = (s: string) => lines.push(s);
	try {
		assert.equal(await run(['build', '--phantoms', '70', '--out', out]), 0);
	} finally {
		console.log = log;
	}
	const records = readDatasetFile(out);
	const text = lines.join('\n');
	const images = Number(/records from (\d+) images/.exec(text)?.[1]);
	assert.ok(images > 50 && images <= 70);
	assert.equal(records.length, 2 * images);
	assert.match(text, /^CO\s+(9|10)$/m);
	assert.match(text, /^Pleural Effusion\s+\d+$/m);
	assert.match(text, /rule-based phantom teacher/);
});
