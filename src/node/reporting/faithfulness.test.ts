import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { HandoutContradictsReportError } from '../export/index.js';
import { treatmentCaveat } from './treatmentCaveat.js';

// The scripted draft: "The heart is enlarged. There is a moderate right pleural effusion."
async function drafted() {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	return { f, studyId };
}

test('a handout that contradicts the report is refused at export, and shown in the state', async () => {
	const { f, studyId } = await drafted();
	await f.reporting.saveHandout(studyId, 'Your heart looks bigger than usual. There is no fluid around your lungs.');
	const state = await f.reporting.state(studyId);
	assert.deepEqual(
		state.handoutCheck.map((c) => [c.finding, c.kind, c.text]),
		[['Pleural Effusion', 'denied', 'There is no fluid around your lungs.']],
	);
	await assert.rejects(
		f.exports.export(studyId, ['text', 'handout']),
		(e: unknown) =>
			e instanceof HandoutContradictsReportError &&
			e.code === 'conflict' &&
			/no fluid around your lungs.*denies pleural effusion/.test(e.message),
	);
	assert.equal(
		f.audit.forStudy(studyId).filter((a) => a.action === 'export').length,
		0,
		'no file of the refused export was written',
	);
	await assert.rejects(
		f.exports.export(studyId, ['handout'], { handoutOverride: { reason: '  ' } }),
		HandoutContradictsReportError,
		'a blank reason is no override',
	);

	const files = await f.exports.export(studyId, ['handout'], {
		handoutOverride: { reason: 'Effusion drained this morning; clinician asked for this wording.' },
	});
	assert.equal(files.length, 1);
	const override = f.audit.forStudy(studyId).find((a) => a.action === 'handout_override')!;
	assert.equal(override.actor, 'Dr. Ada Reader');
	assert.equal(override.detail.reason, 'Effusion drained this morning; clinician asked for this wording.');
	assert.deepEqual(
		(override.detail.contradictions as { finding: string }[]).map((c) => c.finding),
		['Pleural Effusion'],
	);
});

test('a faithful handout exports; a signed addendum is the latest word on a finding', async () => {
	const { f, studyId } = await drafted();
	await f.reporting.generateHandout(studyId);
	assert.deepEqual((await f.reporting.state(studyId)).handoutCheck, []);
	assert.equal((await f.exports.export(studyId, ['handout'])).length, 1);
	assert.equal(f.audit.forStudy(studyId).filter((a) => a.action === 'handout_override').length, 0);

	await f.signing.sign(studyId, true);
	await f.reporting.saveHandout(studyId, 'Your heart is bigger than usual. There is no fluid around your lungs.');
	assert.equal((await f.reporting.state(studyId)).handoutCheck.length, 1);
	await f.signing.addendum(studyId, 'On review of the lateral view there is no pleural effusion.');
	assert.deepEqual((await f.reporting.state(studyId)).handoutCheck, []);
	assert.equal((await f.exports.export(studyId, ['handout'])).length, 1);
});

test('an answer quoting the report with words it does not contain is flagged, and kept flagged', async () => {
	const { f, studyId } = await drafted();
	f.assistant.replies.push('The report states: "No pleural effusion is seen."');
	const { answer } = await f.reporting.ask(studyId, {
		task: 'free',
		text: 'What does the report say about the pleura?',
	});
	assert.equal(answer.check?.quoteNotInReport, true);
	assert.deepEqual(
		answer.check.contradictions.map((c) => [c.finding, c.kind]),
		[['Pleural Effusion', 'denied']],
	);
	f.assistant.replies.push('The report states: "there is a moderate right  pleural effusion."');
	const { answer: faithful } = await f.reporting.ask(studyId, { task: 'free', text: 'And the effusion?' });
	assert.deepEqual(faithful.check, { contradictions: [], quoteNotInReport: false });
	const stored = (await f.reporting.state(studyId)).messages;
	assert.deepEqual(
		stored.map((m) => m.check?.quoteNotInReport ?? null),
		[null, true, null, false],
		'checks are stored with the answers; questions carry none',
	);
});

test('a question about treatment is answered with the caveat, never with a bare yes', async () => {
	const { f, studyId } = await drafted();
	f.assistant.replies.push('Yes.');
	const { answer } = await f.reporting.ask(studyId, {
		task: 'free',
		text: 'Should this patient get a chest drain?',
	});
	assert.ok(answer.text.startsWith(treatmentCaveat), answer.text);
	assert.doesNotMatch(answer.text, /\byes\b(?! or no)/i);
	f.assistant.replies.push('Antibiotics are often given for pneumonia.');
	const { answer: longer } = await f.reporting.ask(studyId, {
		task: 'RQA',
		region: 'lungs',
		question: 'does he need antibiotics',
	});
	assert.equal(longer.text, `${treatmentCaveat}\n\nAntibiotics are often given for pneumonia.`);
	const { answer: plain } = await f.reporting.ask(studyId, { task: 'free', text: 'Is there a chest drain?' });
	assert.ok(!plain.text.includes(treatmentCaveat), 'a question about the image gets no caveat');
});

test('the sign-time guard names a denial as a contradiction and lists a predicted finding left out', async () => {
	const { f, studyId } = await drafted();
	await f.reporting.decide(studyId, 'Pleural Effusion', 'accepted');
	f.reporting.save(studyId, { findings: 'No pleural effusion.', impression: '' });
	const { issues } = await f.signing.check(studyId);
	assert.deepEqual(
		issues.map((i) => [i.kind, i.message]),
		[
			['predicted_but_missing', 'The model found cardiomegaly, but the report does not mention it.'],
			['denied_but_positive', 'Contradiction: the report denies pleural effusion, which you accepted.'],
		],
	);
	await assert.rejects(
		f.signing.sign(studyId, false),
		/denies pleural effusion.*model found cardiomegaly|model found cardiomegaly.*denies pleural effusion/,
	);
	assert.equal(f.store.report(studyId)!.findings, 'No pleural effusion.', 'nothing fixed silently');
});

test('answers are checked against the report as it stands: a rewritten sentence marks the quote', async () => {
	const { f, studyId } = await drafted();
	f.assistant.replies.push('The report states: "There is a moderate right pleural effusion."');
	await f.reporting.ask(studyId, { task: 'RE', pathology: 'Pleural Effusion' });
	const before = (await f.reporting.state(studyId)).messages.at(-1)!;
	assert.deepEqual(before.check, { contradictions: [], quoteNotInReport: false });
	f.reporting.save(studyId, {
		findings: 'The heart is enlarged. There is a small right pleural effusion.',
		impression: '',
	});
	const after = (await f.reporting.state(studyId)).messages.at(-1)!;
	assert.equal(after.check?.quoteNotInReport, true, 'the quoted sentence is no longer in the report');
	assert.deepEqual(
		after.check.contradictions.map((c) => [c.finding, c.kind]),
		[['Pleural Effusion', 'size']],
	);
});

test('a model that says the caveat itself has it said once', async () => {
	const { f, studyId } = await drafted();
	f.assistant.replies.push(`${treatmentCaveat} The report states: "There is a moderate right pleural effusion."`);
	const { answer } = await f.reporting.ask(studyId, { task: 'free', text: 'Should this patient get a chest drain?' });
	assert.equal(answer.text.split(treatmentCaveat).length - 1, 1, answer.text);
});
