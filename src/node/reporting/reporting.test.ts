import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { ApiEvent } from '../../common/api/events.js';
import { SignedReportError, ConsistencyIssuesError } from './ReportingErrors.js';

test('draft, correct, edit, sign, addendum: every step stored and audited', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	const tokens: ApiEvent[] = [];
	f.events.subscribe((e) => {
		if (e.type === 'tokens') tokens.push(e);
	});

	let state = await f.reporting.draft(studyId);
	assert.equal(state.studyStatus, 'drafted');
	assert.match(state.report!.findings, /heart is enlarged.*pleural effusion/);
	assert.ok(tokens.length > 3, 'the draft streamed as token events');
	assert.equal(tokens.map((t) => (t as { text: string }).text).join(''), state.report!.findings);
	assert.deepEqual(
		state.findings.filter((x) => x.positive).map((x) => x.label),
		['Cardiomegaly', 'Pleural Effusion'],
	);
	assert.equal(state.modelNotice, 'Demo models, synthetic data, not for clinical use');

	await f.reporting.decide(studyId, 'Pleural Effusion', 'rejected');
	state = await f.reporting.decide(studyId, 'Atelectasis', 'accepted');
	assert.deepEqual(state.pendingCorrection, { add: ['Atelectasis'], remove: ['Pleural Effusion'] });
	const before = state.report!.findings;
	state = await f.reporting.applyCorrections(studyId);
	// The correction, then the model's Impression written anew from the corrected findings.
	const co = f.assistant.calls.at(-2)!.request!;
	assert.equal(f.assistant.calls.at(-1)!.request!.task, 'SU');
	assert.deepEqual(co, { task: 'CO', add: ['Atelectasis'], remove: ['Pleural Effusion'] });
	assert.doesNotMatch(state.report!.findings, /effusion/i);
	assert.match(state.report!.findings, /atelectasis/i);
	assert.deepEqual(state.pendingCorrection, { add: [], remove: [] });
	const correction = f.db
		.prepare('SELECT before_text, after_text, prompt, add_labels, remove_labels FROM corrections')
		.get() as Record<string, string>;
	assert.equal(correction.before_text, before);
	assert.equal(correction.after_text, state.report!.findings);
	assert.match(correction.prompt!, /atelectasis.*pleural effusion/i);

	f.reporting.save(studyId, { findings: state.report!.findings, impression: 'Cardiomegaly' });
	f.reporting.save(studyId, { findings: state.report!.findings, impression: 'Cardiomegaly and atelectasis.' });
	const versions = f.db.prepare('SELECT version_no, source FROM report_versions ORDER BY version_no').all();
	assert.deepEqual(
		versions.map((v) => (v as { source: string }).source),
		['draft', 'correction', 'edit'],
		'quick saves coalesce into one version',
	);
	assert.equal((await f.reporting.state(studyId)).studyStatus, 'in_review');

	const { answer } = await f.reporting.ask(studyId, { task: 'EL' });
	assert.match(answer.text, /heart/);
	state = await f.signing.sign(studyId, false);
	assert.equal(state.report!.status, 'signed');
	assert.equal(state.report!.signedBy, 'Dr. Ada Reader');
	assert.equal(state.studyStatus, 'signed');

	assert.throws(() => f.reporting.save(studyId, { findings: 'changed', impression: '' }), SignedReportError);
	await assert.rejects(f.reporting.decide(studyId, 'Edema', 'accepted'), SignedReportError);
	await assert.rejects(f.reporting.applyCorrections(studyId), SignedReportError);
	await assert.rejects(f.reporting.draft(studyId, { regenerate: true }), SignedReportError);
	await assert.rejects(f.signing.sign(studyId, true), SignedReportError);
	state = await f.signing.addendum(studyId, 'Comparison with prior study: unchanged.');
	assert.equal(state.addenda.length, 1);
	assert.equal(
		state.report!.impression,
		'Cardiomegaly and atelectasis.',
		'the signed text is untouched by the addendum',
	);
	await f.exports.export(studyId, ['text']);

	const actions = f.audit.forStudy(studyId).map((a) => a.action);
	assert.deepEqual(actions, [
		'predict',
		'draft',
		'decide_finding',
		'decide_finding',
		'correct',
		'edit',
		'ask',
		'sign',
		'addendum',
		'export',
	]);
	for (const a of f.audit.forStudy(studyId)) assert.ok(a.actor && a.at, 'who and when on every entry');
});

test('the database itself refuses changes to signed reports, their versions and the audit log', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	const { id } = f.store.report(studyId)!;
	// A draft may still change.
	f.db.prepare('UPDATE reports SET impression_text = ? WHERE id = ?').run('draft edit', id);
	await f.signing.sign(studyId, true);
	const raises = (sql: string, ...params: unknown[]) =>
		assert.throws(
			() => f.db.prepare(sql).run(...params),
			/immutable|cannot be deleted|append-only|takes no new versions|belongs to a signed/,
		);
	raises('UPDATE reports SET findings_text = ? WHERE id = ?', 'tampered', id);
	raises(`UPDATE reports SET status = 'draft' WHERE id = ?`, id);
	raises('DELETE FROM reports WHERE id = ?', id);
	raises('UPDATE report_versions SET findings_text = ? WHERE report_ref = ?', 'tampered', id);
	raises('DELETE FROM report_versions WHERE report_ref = ?', id);
	raises(
		`INSERT INTO report_versions (report_ref, version_no, source, findings_text, impression_text, author)
			VALUES (?, 99, 'edit', 'x', 'y', 'z')`,
		id,
	);
	raises('UPDATE audit_log SET actor = ?', 'someone else');
	raises('DELETE FROM audit_log');
	const other = insertStudy(f.db, 2);
	await f.reporting.draft(other);
	raises(
		`INSERT INTO reports (study_ref, kind, parent_ref, status, signed_by, signed_at)
			VALUES (?, 'addendum', ?, 'signed', 'x', 'now')`,
		other,
		f.store.report(other)!.id,
	);
	assert.equal(f.store.report(studyId)!.findings.includes('tampered'), false);
});

test('the consistency guard shows a rejected finding the text still states, and never fixes it silently', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	await f.reporting.decide(studyId, 'Pleural Effusion', 'rejected');
	await f.reporting.decide(studyId, 'Fracture', 'accepted');
	const text = f.store.report(studyId)!.findings;
	const { issues, labelerAvailable } = await f.signing.check(studyId);
	assert.equal(labelerAvailable, true);
	assert.deepEqual(
		issues.map((i) => i.message),
		[
			'Contradiction: the report mentions pleural effusion, which you rejected.',
			'You accepted fracture, but the report does not mention it.',
		],
	);
	await assert.rejects(f.signing.sign(studyId, false), ConsistencyIssuesError);
	assert.equal(f.store.report(studyId)!.findings, text, 'the text was not changed');
	assert.equal(f.store.report(studyId)!.status, 'draft');
	const state = await f.signing.sign(studyId, true);
	assert.equal(state.report!.status, 'signed');
	const warning = f.audit.forStudy(studyId).find((a) => a.action === 'consistency_warning')!;
	assert.deepEqual(
		warning.detail.issues,
		issues.map((i) => i.message),
	);
});

test('signing needs a reader name; conversations keep their history in order', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	await f.reporting.ask(studyId, { task: 'FQA_binary', pathology: 'Cardiomegaly' });
	await f.reporting.ask(studyId, { task: 'free', text: 'Anything else?' });
	const messages = (await f.reporting.state(studyId)).messages;
	assert.deepEqual(
		messages.map((m) => m.role),
		['user', 'assistant', 'user', 'assistant'],
	);
	assert.equal(messages[1]!.text, 'yes');
	const turns = f.store.conversation.turns(studyId);
	assert.match(turns[0]!.prompt!, /cardiomegaly/i, 'the exact message sent is stored');
	f.settings.update({ readerName: '' });
	await assert.rejects(f.signing.sign(studyId, true), /Set your name/);
});
