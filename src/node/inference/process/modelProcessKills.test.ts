import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticImage } from '../../../../test/fixtures/testImages.js';
import { seededRandom } from '../../../../test/helpers/seededRandom.js';
import { StandInModelLauncher } from '../../../../test/helpers/StandInModelLauncher.js';
import type { ModelEvent } from '../../../common/radialog/ModelEvent.js';
import type { GeneratedText, StreamHandlers } from '../../../common/radialog/ReportAssistant.js';
import { createReportAssistant } from '../createReportAssistant.js';
import { ModelProcessCrashed } from '../modelErrors.js';

const image = syntheticImage(5);

async function until(condition: () => boolean): Promise<void> {
	for (let waited = 0; !condition(); waited += 5) {
		assert.ok(waited < 10_000, 'waited 10 s');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

type Outcome = { ok: GeneratedText } | { error: unknown };
const outcome = (p: Promise<GeneratedText>): Promise<Outcome> =>
	p.then(
		(ok) => ({ ok }),
		(error: unknown) => ({ error }),
	);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A server busy with other work: the child's end of the channel closes before the exit is seen (EPIPE). */
function busy(ms: number): void {
	for (const end = performance.now() + ms; performance.now() < end;);
}

/**
 * Kill moments: just before the call, before it while the server is busy, as its message is sent, just
 * after, while it streams, a few ms after an answer.
 */
const moments = ['before', 'busyBefore', 'onSend', 'afterSend', 'streaming', 'afterAnswer'] as const;
// Where the process cannot have answered, the call must fail; elsewhere the answer may have beaten the kill
// or, after the pause, a fresh process may have taken the call.
const mustFail = new Set<string>(['before', 'busyBefore', 'onSend']);

test(
	'a model process killed at 20 seeded moments fails only its calls, named; nothing goes unhandled',
	{ timeout: 60_000 },
	async () => {
		const problems: unknown[] = [];
		const onProblem = (e: unknown) => problems.push(e);
		process.on('unhandledRejection', onProblem);
		process.on('uncaughtException', onProblem);
		const events: ModelEvent[] = [];
		const launcher = new StandInModelLauncher();
		const assistant = createReportAssistant({ modelsDir: 'stand-in', launcher, events: (e) => events.push(e) });
		const draft = (handlers?: StreamHandlers) => assistant.draftReport({ image, findings: ['Edema'] }, handlers);
		const random = seededRandom(16);
		const seen = new Map<string, number>();
		try {
			for (let i = 0; i < 20; i++) {
				await assistant.start();
				const pid = assistant.pid!;
				const kill = () => process.kill(pid, 'SIGKILL');
				const moment = moments[Math.floor(random() * moments.length)]!;
				seen.set(moment, (seen.get(moment) ?? 0) + 1);
				let call: Promise<GeneratedText>;
				const ms = random() * 20;
				if (moment === 'before' || moment === 'busyBefore') {
					kill();
					if (moment === 'busyBefore') busy(ms);
					call = draft();
				} else if (moment === 'onSend' || moment === 'afterSend') {
					launcher.afterCall = () => (moment === 'onSend' ? kill() : setImmediate(kill));
					call = draft();
				} else if (moment === 'streaming') {
					let killed = false;
					call = draft({ onToken: () => killed || ((killed = true), kill()) });
				} else call = draft().then(() => (kill(), pause(ms).then(() => draft())));
				const result = await outcome(call);
				launcher.afterCall = null;
				if ('error' in result)
					assert.ok(result.error instanceof ModelProcessCrashed, `${i} ${moment}: ${String(result.error)}`);
				else assert.ok(!mustFail.has(moment), `${i} ${moment}: answered by a killed process`);
				await until(() => assistant.pid !== pid);
				const next = await draft();
				assert.equal(next.text, 'No acute findings.', `${i} ${moment}: the next call`);
				assert.notEqual(assistant.pid, pid);
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
			assert.deepEqual(problems, []);
			assert.equal(events.filter((e) => e.type === 'crashed').length, 20, 'each kill is reported once');
			assert.equal(launcher.launches, 21);
			assert.ok(
				moments.every((m) => seen.has(m)),
				`every moment was tried: ${[...seen.keys()].join(', ')}`,
			);
		} finally {
			process.off('unhandledRejection', onProblem);
			process.off('uncaughtException', onProblem);
			await assistant.close();
		}
	},
);
