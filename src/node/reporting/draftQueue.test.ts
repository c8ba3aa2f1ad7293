import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { ApiEvent } from '../../common/api/events.js';
import { DraftQueue } from './DraftQueue.js';
import { wordDiff } from './wordDiff.js';

test('the background queue pre-drafts arrived studies with progress per study, and leaves failures alone', async () => {
	const f = reportingFixture(tempDir());
	const a = insertStudy(f.db, 1),
		b = insertStudy(f.db, 2);
	const events: ApiEvent[] = [];
	f.events.subscribe((e) => events.push(e));
	const queue = new DraftQueue({ drafts: f.reporting, studies: f.studies, events: f.events }, 50);
	await queue.start();
	const done = () =>
		events
			.filter((e) => e.type === 'progress' && e.done && e.error === null)
			.map((e) => (e as { studyId: number }).studyId);
	while (done().length < 2) await new Promise((r) => setTimeout(r, 20));
	await queue.stop();
	assert.deepEqual(done(), [a, b], 'oldest first, one at a time');
	for (const id of [a, b]) {
		const s = await f.reporting.state(id);
		assert.equal(s.studyStatus, 'drafted');
		assert.ok(s.report!.findings.length > 0);
	}
	assert.ok(
		events.some((e) => e.type === 'progress' && !e.done && e.studyId === a),
		'a running job was announced for the study',
	);
	assert.ok(
		events.some((e) => e.type === 'worklist.changed'),
		'the worklist hears about new drafts',
	);
	assert.equal(f.audit.forStudy(a).find((x) => x.action === 'draft')!.actor, 'draft queue');
});

test('without models the queue reports once and stops trying', async () => {
	const f = reportingFixture(tempDir(), undefined, {
		assistants: { assistant: () => Promise.reject(new Error('no model set is installed')) },
	});
	insertStudy(f.db, 1);
	insertStudy(f.db, 2);
	const errors: string[] = [];
	f.events.subscribe((e) => {
		if (e.type === 'progress' && e.error) errors.push(e.error);
	});
	const queue = new DraftQueue({ drafts: f.reporting, studies: f.studies, events: f.events }, 20);
	await queue.start();
	await new Promise((r) => setTimeout(r, 200));
	queue.kick();
	await new Promise((r) => setTimeout(r, 100));
	await queue.stop();
	assert.equal(errors.length, 1, errors.join('\n'));
	assert.match(errors[0]!, /not available: no model set is installed/);
	assert.equal((await f.reporting.state(1)).studyStatus, 'new');
});

test('version diff marks inserted and deleted words', () => {
	assert.deepEqual(wordDiff('The heart is enlarged. Small effusion.', 'The heart is enlarged. No effusion.'), [
		{ op: 'equal', text: 'The heart is enlarged. ' },
		{ op: 'delete', text: 'Small' },
		{ op: 'insert', text: 'No' },
		{ op: 'equal', text: ' effusion.' },
	]);
});
