import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';

const predictions = { Cardiomegaly: 0.91, Pneumothorax: 0.8 };

test('apply lists a side change the reader did not ask for; reload keeps it, an edit clears it', async () => {
	const f = reportingFixture(tempDir(), predictions);
	const studyId = insertStudy(f.db);
	let state = await f.reporting.draft(studyId);
	assert.match(state.report!.findings, /small left apical pneumothorax/);
	assert.equal(state.correctionCheck, null, 'nothing applied yet');
	await f.reporting.decide(studyId, 'Cardiomegaly', 'rejected');
	// The model removes the heart as asked, and moves the pneumothorax it was told to keep.
	f.assistant.replies.push('There is a small right apical pneumothorax.');
	state = await f.reporting.applyCorrections(studyId);
	const messages = (s: typeof state) =>
		[...(s.correctionCheck?.unasked ?? []), ...(s.correctionCheck?.changed ?? [])].map((i) => i.message);
	assert.deepEqual(messages(state), ['Pneumothorax: side changed from left to right without being asked']);
	assert.deepEqual(messages(await f.reporting.state(studyId)), messages(state), 'read back from SQLite');

	f.reporting.save(studyId, { findings: 'There is a small left apical pneumothorax.', impression: 'Fixed.' });
	assert.equal((await f.reporting.state(studyId)).correctionCheck, null, 'the reader edited: the notice goes');
});

test('a faithful rewrite lists nothing', async () => {
	const f = reportingFixture(tempDir(), predictions);
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	await f.reporting.decide(studyId, 'Cardiomegaly', 'rejected');
	await f.reporting.decide(studyId, 'Fracture', 'accepted');
	const state = await f.reporting.applyCorrections(studyId);
	assert.doesNotMatch(state.report!.findings, /heart/);
	assert.match(state.report!.findings, /fracture/);
	assert.deepEqual(state.correctionCheck, { unasked: [], changed: [] });
});
