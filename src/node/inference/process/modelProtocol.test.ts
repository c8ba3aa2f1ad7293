import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticImage } from '../../../../test/fixtures/testImages.js';
import type { ChexpertLabel } from '../../../common/domain/chexpert.js';
import { createReportAssistant } from '../createReportAssistant.js';
import { ForkModelProcessLauncher } from './ForkModelProcessLauncher.js';
import type { ModelProcessHandle, ModelProcessLauncher } from './ModelProcessLauncher.js';
import { ModelProtocolError } from './ModelProtocolError.js';
import type { ToModelProcess } from './protocol.js';

const image = syntheticImage(5);

/**
 * Starts the real model process as the app does and keeps its handle, so the test can send raw messages.
 * It answers 'open' itself: calls are checked before they reach the models, and loading them would take
 * most of this test's time.
 */
class RecordingLauncher implements ModelProcessLauncher {
	handle: ModelProcessHandle | null = null;
	launch(entryFile: string, execArgv: readonly string[]): ModelProcessHandle {
		const handle = new ForkModelProcessLauncher().launch(entryFile, execArgv);
		const opened: ((m: unknown) => void)[] = [];
		this.handle = {
			...handle,
			get pid() {
				return handle.pid;
			},
			send(m) {
				if (m.type === 'open') setImmediate(() => opened.forEach((l) => l({ type: 'opened', notice: null })));
				else handle.send(m);
			},
			onMessage(l) {
				opened.push(l);
				handle.onMessage(l);
			},
		};
		return this.handle;
	}
}

/** The model process's answer to a raw message that names call `id`. */
function answerTo(handle: ModelProcessHandle, id: number, message: unknown): Promise<unknown> {
	return new Promise((resolve) => {
		handle.onMessage((m) => {
			if (typeof m === 'object' && m !== null && 'id' in m && m.id === id) resolve(m);
		});
		handle.send(message as ToModelProcess);
	});
}

test('the model process answers a malformed call with ModelProtocolError and carries on', async () => {
	const launcher = new RecordingLauncher();
	const assistant = createReportAssistant({ modelsDir: 'unused', launcher });
	try {
		await assert.rejects(
			assistant.draftReport({ image, findings: ['Heartburn' as ChexpertLabel] }),
			(err: Error) =>
				err instanceof ModelProtocolError &&
				err.name === 'ModelProtocolError' &&
				/draftReport input .*at findings\.0/.test(err.message),
		);
		const handle = launcher.handle!;
		assert.deepEqual(
			await answerTo(handle, 9001, { type: 'call', id: 9001, operation: 'diagnose', input: image }),
			{
				type: 'failed',
				id: 9001,
				error: {
					name: 'ModelProtocolError',
					message: "unknown operation 'diagnose' (known: predictFindings, draftReport, followUp)",
				},
			},
		);
		const unknownType = await answerTo(handle, 9002, { type: 'explode', id: 9002 });
		assert.match(
			JSON.stringify(unknownType),
			/"name":"ModelProtocolError".*type 'explode' to the model process .* at type/,
		);
		const followUp = await answerTo(handle, 9003, {
			type: 'call',
			id: 9003,
			operation: 'followUp',
			input: { image, findings: [], report: 'x', history: [], request: { task: 'guess' } },
		});
		assert.match(JSON.stringify(followUp), /"name":"ModelProtocolError".*followUp input .* at request\.task/);
		// The same process still takes well-formed calls: this one passes its schema and reaches the engine.
		const pid = assistant.pid;
		await assert.rejects(assistant.predictFindings(image), /the model process has no models open/);
		assert.equal(assistant.pid, pid);
	} finally {
		await assistant.close();
	}
});

/** A model process stand-in that opens at once and answers each call with `answer(operation)`. */
function fakeLauncher(answer: (operation: string, id: number) => unknown): ModelProcessLauncher {
	return {
		launch(): ModelProcessHandle {
			const listeners: ((m: unknown) => void)[] = [];
			const exits: ((code: number | null, signal: string | null) => void)[] = [];
			const deliver = (m: unknown) => setImmediate(() => listeners.forEach((l) => l(m)));
			const exit = () => setImmediate(() => exits.forEach((l) => l(0, null)));
			return {
				pid: undefined,
				send(m) {
					if (m.type === 'open') deliver({ type: 'opened', notice: null });
					if (m.type === 'call') deliver(answer(m.operation, m.id));
					if (m.type === 'close') exit();
				},
				onMessage: (l) => listeners.push(l),
				onExit: (l) => exits.push(l),
				onError: () => undefined,
				kill: exit,
			};
		},
	};
}

test('the workstation refuses a result that does not fit its operation, failing only that call', async () => {
	const draft = { text: 'No acute findings.', tokenCount: 4, prompt: 'p', stoppedBy: 'eos', generation: [1, 2] };
	const assistant = createReportAssistant({
		modelsDir: 'unused',
		launcher: fakeLauncher((operation, id) => {
			if (operation === 'predictFindings')
				return { type: 'result', id, value: [{ label: 'Edema', probability: 1.5, positive: true }] };
			if (operation === 'followUp') return { type: 'token', id, text: 7, tokensPerSecond: null };
			return { type: 'result', id, value: draft };
		}),
	});
	await assert.rejects(
		assistant.predictFindings(image),
		(err: Error) =>
			err instanceof ModelProtocolError &&
			err.name === 'ModelProtocolError' &&
			/predictFindings result .*at 0\.probability/.test(err.message),
	);
	const request = { task: 'SU' } as const;
	await assert.rejects(
		assistant.followUp({ image, findings: [], report: '', history: [], request }),
		(err: Error) =>
			err instanceof ModelProtocolError && /type 'token' from the model process .* at text/.test(err.message),
	);
	// A well-formed result still arrives, with only the fields its schema names.
	const { generation: _kept, ...expected } = draft;
	assert.deepEqual(await assistant.draftReport({ image, findings: [] }), expected);
	await assistant.close();
});
