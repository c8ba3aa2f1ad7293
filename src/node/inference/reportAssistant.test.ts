import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testModelsDir } from '../../../test/fixtures/testModels.js';
import { syntheticImage } from '../../../test/fixtures/testImages.js';
import { chexpertLabels } from '../../common/domain/chexpert.js';
import type { ModelEvent } from '../../common/radialog/ModelEvent.js';
import type { AssistantRequest } from '../../common/radialog/ReportAssistant.js';
import { renderRequest } from '../../common/radialog/conversation.js';
import { maxNewTokens } from '../../common/radialog/instructTemplates.js';
import { createReportAssistant } from './createReportAssistant.js';
import { ModelProcessCrashed } from './modelErrors.js';
import type { ModelProcessClient } from './process/ModelProcessClient.js';

let assistant: ModelProcessClient;
const events: ModelEvent[] = [];
const a = syntheticImage(3);
const b = syntheticImage(7);

before(() => {
	assistant = createReportAssistant({ modelsDir: testModelsDir(), threads: 1, events: (e) => events.push(e) });
});
after(() => assistant.close());

test('findings: 14 CheXpert labels, positive exactly when the probability reaches the threshold', async () => {
	const findings = await assistant.predictFindings(a);
	assert.deepEqual(
		findings.map((f) => f.label),
		[...chexpertLabels],
	);
	for (const f of findings) {
		assert.ok(f.probability >= 0 && f.probability <= 1);
		assert.equal(f.positive, f.probability >= 0.5);
	}
	assert.ok(
		findings.some((f) => f.positive) && findings.some((f) => !f.positive),
		'the test classifier gives both outcomes',
	);
	assert.ok(events.some((e) => e.type === 'loading' && e.stage === 'language-model'));
	assert.ok(events.some((e) => e.type === 'ready'));
	assert.match(assistant.notice ?? '', /random weights/);
});

test('greedy drafts are deterministic, streamed, and follow their image (no stale embeddings)', async () => {
	let streamed = '';
	const first = await assistant.draftReport({ image: a, findings: ['Edema'] }, { onToken: (t) => (streamed += t) });
	assert.ok(first.tokenCount > 0 && first.tokenCount <= maxNewTokens.RG);
	assert.equal(first.stoppedBy, first.tokenCount === maxNewTokens.RG ? 'maxTokens' : 'eos');
	assert.equal(streamed.trim(), first.text);
	assert.match(first.prompt, /^Image information: <IMG>\. Predicted Findings: edema\./);
	const other = await assistant.draftReport({ image: b, findings: ['Edema'] });
	assert.notEqual(other.text, first.text);
	const again = await assistant.draftReport({ image: a, findings: ['Edema'] });
	assert.equal(again.text, first.text);
	assert.ok(events.some((e) => e.type === 'generating' && (e.tokensPerSecond ?? 0) > 0));
});

test('every follow-up task renders its prompt and generates within its token limit', async () => {
	const report = (await assistant.draftReport({ image: a, findings: ['Cardiomegaly'] })).text;
	const requests: AssistantRequest[] = [
		{ task: 'FQA_complete' },
		{ task: 'FQA_binary', pathology: 'Cardiomegaly' },
		{ task: 'RE', pathology: 'Cardiomegaly' },
		{ task: 'RQA', region: 'heart', question: 'Is the heart enlarged?' },
		{ task: 'EL' },
		{ task: 'SU' },
		{ task: 'CO', add: ['Edema'], remove: ['Cardiomegaly'] },
		{ task: 'free', text: 'Anything else?' },
	];
	for (const request of requests) {
		const r = await assistant.followUp({
			image: a,
			findings: ['Cardiomegaly'],
			report,
			history: [
				{ role: 'user', text: 'Thanks.' },
				{ role: 'assistant', text: 'You are welcome.' },
			],
			request,
		});
		const { message, maxTokens } = renderRequest(request);
		assert.equal(r.prompt, message, request.task);
		assert.ok(r.tokenCount > 0 && r.tokenCount <= maxTokens, `${request.task}: ${r.tokenCount}`);
		assert.ok(r.text.length > 0);
	}
});

test('cancel stops a generation early and the next call still works', async () => {
	const controller = new AbortController();
	let tokens = 0;
	const r = await assistant.draftReport(
		{ image: b, findings: [] },
		{
			signal: controller.signal,
			onToken: () => {
				if (++tokens === 3) controller.abort();
			},
		},
	);
	assert.equal(r.stoppedBy, 'cancelled');
	assert.ok(r.tokenCount < maxNewTokens.RG, `${r.tokenCount} tokens`);
	const next = await assistant.followUp({
		image: b,
		findings: [],
		report: 'x',
		history: [],
		request: { task: 'FQA_binary', pathology: 'Edema' },
	});
	assert.equal(next.stoppedBy === 'eos' || next.stoppedBy === 'maxTokens', true);
});

test('a killed model process fails the call in flight, is reported, and the next call starts a new one', async () => {
	const reference = await assistant.draftReport({ image: a, findings: ['Edema'] });
	const pid = assistant.pid!;
	let killed = false;
	await assert.rejects(
		assistant.draftReport(
			{ image: a, findings: ['Edema'] },
			{
				onToken: () => {
					if (!killed) process.kill(pid, 'SIGKILL');
					killed = true;
				},
			},
		),
		ModelProcessCrashed,
	);
	assert.ok(events.some((e) => e.type === 'crashed'));
	const after = await assistant.draftReport({ image: a, findings: ['Edema'] });
	assert.notEqual(assistant.pid, pid);
	assert.equal(after.text, reference.text);
});

test('the real model process killed before a call: that call fails named, nothing unhandled, next works', async () => {
	const problems: unknown[] = [];
	const onProblem = (e: unknown) => problems.push(e);
	process.on('unhandledRejection', onProblem);
	process.on('uncaughtException', onProblem);
	try {
		await assistant.start();
		const pid = assistant.pid!;
		process.kill(pid, 'SIGKILL');
		// A server busy with other work while the process dies: its channel closes before the exit is seen.
		for (const end = performance.now() + 50; performance.now() < end;);
		await assert.rejects(assistant.draftReport({ image: a, findings: ['Edema'] }), ModelProcessCrashed);
		const next = await assistant.draftReport({ image: a, findings: ['Edema'] });
		assert.ok(next.tokenCount > 0);
		assert.notEqual(assistant.pid, pid);
		assert.deepEqual(problems, []);
	} finally {
		process.off('unhandledRejection', onProblem);
		process.off('uncaughtException', onProblem);
	}
});
