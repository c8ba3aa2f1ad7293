import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyTestLabelerModel } from '../../../test/fixtures/testLabelerModel.js';
import { insertStudy } from '../../../test/helpers/reportingFixture.js';
import { ScriptedAssistant, testImage } from '../../../test/helpers/ScriptedAssistant.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { ApiEvent } from '../../common/api/events.js';
import { Workstation } from '../workstation/Workstation.js';
import { LabelerProvider } from './LabelerProvider.js';

/** The model stack and the image decoding replaced: the study rows have no image files. */
const scriptedModels = () => ({
	assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Edema: 0.8 })) },
	images: { studyImage: () => Promise.resolve(testImage) },
});

// "Zorblax" is Edema to the test labeler model (test/fixtures/make-test-labeler.py) and nothing to the rules.

test("labeler provider: the model folder's labeler, remade when the folder changes; rules without one", async () => {
	const withModel = copyTestLabelerModel(tempDir());
	let dir: string | null = withModel;
	const unavailable: string[] = [];
	const p = new LabelerProvider(
		() => dir,
		(m) => unavailable.push(m),
	);
	try {
		assert.equal((await p.get()).name, 'test-chexbert-shaped');
		assert.deepEqual(await p.positiveLabels('Zorblax.'), ['Edema']);
		assert.equal(await p.get(), await p.get(), 'made once per folder');
		dir = null;
		assert.equal((await p.get()).name, 'rules');
		assert.deepEqual(await p.positiveLabels('Zorblax.'), ['No Finding'], 'the rules see nothing abnormal');
		assert.deepEqual(unavailable, []);
	} finally {
		await p.stop();
	}
});

test('labeler provider: a broken labeler model is reported once and the rules check instead', async () => {
	const dir = copyTestLabelerModel(tempDir());
	fs.appendFileSync(path.join(dir, 'vocab.txt'), 'changed\n');
	const unavailable: string[] = [];
	const p = new LabelerProvider(
		() => dir,
		(m) => unavailable.push(m),
	);
	try {
		assert.deepEqual(await p.positiveLabels('Small pleural effusion. Zorblax.'), ['Pleural Effusion']);
		assert.deepEqual(await p.positiveLabels('Zorblax.'), ['No Finding'], 'the rules see nothing abnormal');
		assert.equal(unavailable.length, 1);
		assert.match(unavailable[0]!, /rules check the report: sha256 mismatch.*vocab\.txt/);
	} finally {
		await p.stop();
	}
});

test("workstation: the consistency guard reads the report with the model folder's labeler model", async () => {
	const data = tempDir();
	const ws = new Workstation({ dataDir: data, shell: 'browser', modelStandIn: scriptedModels() });
	const events: ApiEvent[] = [];
	ws.events.subscribe((e) => events.push(e));
	try {
		const studyId = insertStudy(ws.db);
		await ws.reporting.reporting.draft(studyId);
		await ws.reporting.reporting.decide(studyId, 'Edema', 'accepted');
		ws.reporting.reporting.save(studyId, { findings: 'Zorblax.', impression: '' });
		const rulesIssues = (await ws.reporting.signing.check(studyId)).issues.map((i) => i.message);
		assert.deepEqual(
			rulesIssues,
			['You accepted edema, but the report does not mention it.'],
			'the demo models list no labeler: the rules read the text',
		);
		ws.settings.update({ modelsDir: copyTestLabelerModel(data) });
		assert.deepEqual(
			(await ws.reporting.signing.check(studyId)).issues,
			[],
			'the labeler model reads "zorblax" as edema',
		);
		assert.equal(events.filter((e) => e.type === 'progress' && e.jobId === 'labeler').length, 0);
		const broken = copyTestLabelerModel(tempDir());
		fs.rmSync(path.join(broken, 'labeler.onnx'));
		ws.settings.update({ modelsDir: broken });
		assert.deepEqual(
			(await ws.reporting.signing.check(studyId)).issues.map((i) => i.message),
			rulesIssues,
			'a broken labeler model does not block the check: the rules read the text',
		);
		const said = events.filter((e) => e.type === 'progress' && e.jobId === 'labeler');
		assert.equal(said.length, 1);
		assert.match((said[0] as { error: string }).error, /labeler model named in the manifest is missing/);
	} finally {
		await ws.close();
	}
});
