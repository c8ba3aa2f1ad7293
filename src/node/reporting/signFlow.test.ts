import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ReaderEditsError } from './ReportingErrors.js';

test('apply asks before replacing reader edits (read from the stored versions); undo brings them back', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	let state = await f.reporting.draft(studyId);
	assert.equal(state.editedSinceModel, false);
	assert.equal(state.undoApply, null);
	const edited = { findings: `${state.report!.findings} Old granuloma.`, impression: 'Reader impression.' };
	f.reporting.save(studyId, edited);
	state = await f.reporting.decide(studyId, 'Pleural Effusion', 'rejected');
	assert.equal(state.editedSinceModel, true, 'the last stored version is the reader edit');
	await assert.rejects(f.reporting.applyCorrections(studyId), ReaderEditsError);
	assert.equal(f.store.report(studyId)!.findings, edited.findings, 'nothing replaced without the yes');

	state = await f.reporting.applyCorrections(studyId, { replaceEdits: true });
	assert.doesNotMatch(state.report!.findings, /effusion/i);
	assert.equal(state.report!.impression, edited.impression, "the reader's own Impression stays");
	assert.equal(state.editedSinceModel, false);
	assert.deepEqual(state.pendingCorrection, { add: [], remove: [] });
	const editVersion = f.reporting.versions(studyId).find((v) => v.source === 'edit')!;
	assert.deepEqual(state.undoApply, { versionNo: editVersion.versionNo });

	state = await f.reporting.undoApply(studyId);
	assert.equal(state.report!.findings, edited.findings, 'undo restores the text as it was before apply');
	assert.equal(state.report!.impression, edited.impression);
	assert.deepEqual(
		state.pendingCorrection,
		{ add: [], remove: ['Pleural Effusion'] },
		'the correction is pending again',
	);
	assert.equal(state.undoApply, null);
	assert.deepEqual(
		f.reporting.versions(studyId).map((v) => v.source),
		['draft', 'edit', 'correction', 'edit'],
		'the rewrite stays in the history: nothing lost',
	);
	const actions = f.audit.forStudy(studyId).map((a) => a.action);
	assert.deepEqual(actions.slice(-2), ['correct', 'undo_apply']);
});

test("apply without reader edits runs without asking, and the model's Impression follows the findings", async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	const drafted = await f.reporting.draft(studyId);
	assert.match(drafted.report!.impression, /effusion/i);
	await f.reporting.decide(studyId, 'Pleural Effusion', 'rejected');
	const calls = f.assistant.calls.length;
	const state = await f.reporting.applyCorrections(studyId);
	assert.doesNotMatch(state.report!.findings, /effusion/i);
	// The Impression summed up the old findings: it is written anew from the corrected ones, still the model's.
	assert.deepEqual(
		f.assistant.calls.slice(calls).map((c) => c.request?.task),
		['CO', 'SU'],
	);
	assert.doesNotMatch(state.report!.impression, /effusion/i);
	assert.ok(state.report!.impression.trim());
	assert.equal(state.impressionByModel, true);
	assert.equal(f.audit.forStudy(studyId).find((a) => a.action === 'correct')!.detail.impression, 'drafted');
	assert.deepEqual((await f.signing.check(studyId)).warnings, []);
});

test('the draft holds the summary task Impression, checked against the findings, in background too', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	const state = await f.reporting.draft(studyId, { background: true, actor: 'draft queue' });
	const su = f.assistant.calls.find((c) => c.request?.task === 'SU');
	assert.ok(su, 'the summary task was asked');
	assert.match(state.report!.impression, /heart is enlarged/i);
	assert.equal(state.impressionByModel, true);
	assert.equal(state.report!.aiGenerated, true);
	const draft = f.audit.forStudy(studyId).find((a) => a.action === 'draft')!;
	assert.equal(draft.detail.impression, 'drafted');
	assert.deepEqual((await f.signing.check(studyId)).warnings, []);

	// The reader's own Impression survives a regenerated draft.
	f.reporting.save(studyId, { findings: state.report!.findings, impression: 'Mine.' });
	const again = await f.reporting.draft(studyId, { regenerate: true });
	assert.equal(again.report!.impression, 'Mine.');
	assert.equal(again.impressionByModel, false);
});

test('a summary contradicting the findings is dropped; the sign dialog warns of the empty Impression', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	f.assistant.replies.push('No pleural effusion. Normal heart size.');
	const state = await f.reporting.draft(studyId);
	assert.equal(state.report!.impression, '', 'the contradicting summary was not stored');
	const draft = f.audit.forStudy(studyId).find((a) => a.action === 'draft')!;
	assert.equal(draft.detail.impression, 'dropped');
	assert.ok((draft.detail.impressionContradictions as unknown[]).length > 0);
	const { warnings } = await f.signing.check(studyId);
	assert.deepEqual(
		warnings.map((w) => [w.kind, w.serious]),
		[['empty_impression', true]],
	);
});

test('signing with serious warnings audits the acknowledgement with every listed warning', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	const state = await f.reporting.draft(studyId);
	f.reporting.save(studyId, {
		findings: `${state.report!.findings} No fracture.`,
		impression: 'No pleural effusion.',
	});
	await f.reporting.decide(studyId, 'Fracture', 'accepted');
	const { warnings } = await f.signing.check(studyId);
	const kinds = warnings.map((w) => `${w.kind}:${w.serious}`);
	assert.ok(kinds.includes('denied_but_positive:true'), kinds.join());
	assert.ok(kinds.includes('impression_contradicts_findings:true'), kinds.join());
	assert.ok(warnings[0]!.serious, 'serious first');
	await f.signing.sign(studyId, true);
	const ack = f.audit.forStudy(studyId).find((a) => a.action === 'consistency_warning')!;
	assert.equal(ack.detail.acknowledged, true);
	assert.equal(ack.detail.serious, true);
	assert.deepEqual(ack.detail.warnings, warnings);
});

test('an empty Impression alone is a serious warning, acknowledged in the audit log when signed', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	const state = await f.reporting.draft(studyId);
	f.reporting.save(studyId, { findings: state.report!.findings, impression: '' });
	const { warnings, issues } = await f.signing.check(studyId);
	assert.deepEqual(issues, []);
	assert.deepEqual(
		warnings.map((w) => w.kind),
		['empty_impression'],
	);
	await f.signing.sign(studyId, true);
	const ack = f.audit.forStudy(studyId).find((a) => a.action === 'consistency_warning')!;
	assert.deepEqual(ack.detail.warnings, warnings);
});
