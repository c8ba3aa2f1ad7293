// The reader goes first: opening a study while the background queue drafts others starts the opened
// study's draft at once, instead of after the queue's whole generation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { ScriptedAssistant } from '../../../test/helpers/ScriptedAssistant.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { ApiEvent } from '../../common/api/events.js';
import type { AssistantImage, GeneratedText, StreamHandlers } from '../../common/radialog/ReportAssistant.js';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { DraftQueue } from './DraftQueue.js';

/** Streams 60 tokens, 25 ms apart: a background draft takes about 1.5 s. */
class SlowAssistant extends ScriptedAssistant {
	override async draftReport(
		input: { image: AssistantImage; findings: readonly ChexpertLabel[] },
		handlers?: StreamHandlers,
	): Promise<GeneratedText> {
		const text = Array.from({ length: 60 }, (_, i) => `word${i} `).join('');
		for (const [i, w] of text.split(/(?<= )/).entries()) {
			if (handlers?.signal?.aborted) return { text: '', tokenCount: i, prompt: 'p', stoppedBy: 'cancelled' };
			handlers?.onToken?.(w, 50);
			await new Promise((r) => setTimeout(r, 25));
		}
		return {
			text: `There is a small left pleural effusion. ${input.findings.length}`,
			tokenCount: 60,
			prompt: 'p',
			stoppedBy: 'eos',
		};
	}
}

test('opening a study while the queue drafts others streams its draft within a few tokens', async () => {
	const slow = new SlowAssistant({ 'Pleural Effusion': 0.9 });
	const f = reportingFixture(tempDir(), undefined, { assistants: { assistant: () => Promise.resolve(slow) } });
	const ids = [1, 2, 3, 4].map((n) => insertStudy(f.db, n));
	const opened = ids[3]!;
	const events: { at: number; e: ApiEvent }[] = [];
	f.events.subscribe((e) => events.push({ at: Date.now(), e }));
	const queue = new DraftQueue({ drafts: f.reporting, studies: f.studies, events: f.events }, 20);
	await queue.start();
	const tokensFor = (id: number) => events.filter(({ e }) => e.type === 'tokens' && e.studyId === id);
	while (tokensFor(ids[0]!).length < 5) await new Promise((r) => setTimeout(r, 5));

	const openedAt = Date.now();
	const reader = f.reporting.draft(opened);
	while (tokensFor(opened).length === 0) await new Promise((r) => setTimeout(r, 5));
	const firstToken = tokensFor(opened)[0]!.at - openedAt;
	const state = await reader;
	assert.ok(firstToken < 500, `first token after ${firstToken} ms (a whole background draft takes ~1,500 ms)`);
	assert.match(state.report!.findings, /pleural effusion/);

	// The interrupted study stored nothing partial and is drafted again once the reader is idle.
	while ((await f.reporting.state(ids[0]!)).studyStatus !== 'drafted') await new Promise((r) => setTimeout(r, 20));
	await queue.stop();
	assert.match((await f.reporting.state(ids[0]!)).report!.findings, /^There is a small left pleural effusion/);
	const paused = events.filter(({ e }) => e.type === 'progress' && /paused/.test(e.label));
	assert.ok(paused.length >= 1, 'the status bar said the queue paused');
	assert.ok(
		events.every(({ e }) => e.type !== 'progress' || e.error === null),
		'a pause is not an error',
	);
});
