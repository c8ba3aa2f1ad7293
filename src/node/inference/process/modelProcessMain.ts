/**
 * Entry of the model process (a Node child process; Electron can host the same file in a
 * utilityProcess). One engine, calls run one at a time in arrival order, cancels act at once. Every
 * message is checked on arrival; a malformed call is answered at once with a ModelProtocolError.
 */
import { RadialogEngine } from '../RadialogEngine.js';
import type { ModelOperation } from './modelOperations.js';
import { parentChannel } from './parentChannel.js';
import { TokenBatcher } from './TokenBatcher.js';
import {
	callIdOf,
	checked,
	operationNamed,
	readToModelProcess,
	serializeError,
	type FromModelProcess,
	type ToModelProcess,
} from './protocol.js';

const channel = parentChannel();
const send = (m: FromModelProcess) => channel.send(m);
let engine: RadialogEngine | null = null;
let queue: Promise<void> = Promise.resolve();
type Signal = { aborted: boolean; listeners: (() => void)[]; addEventListener(t: 'abort', l: () => void): void };
const cancelled = new Map<number, Signal>();

function signalFor(id: number): Signal {
	const s: Signal = {
		aborted: false,
		listeners: [] as (() => void)[],
		addEventListener: (_t: 'abort', l: () => void) => s.listeners.push(l),
	};
	cancelled.set(id, s);
	return s;
}

async function call(id: number, name: string, op: ModelOperation<unknown, unknown>, input: unknown): Promise<void> {
	const signal = cancelled.get(id) ?? signalFor(id);
	const tokens = new TokenBatcher((text, tokensPerSecond) => send({ type: 'token', id, text, tokensPerSecond }));
	try {
		if (!engine) throw new Error('the model process has no models open');
		if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'Cancelled' });
		const handlers = { signal, onToken: tokens.add };
		// The output schema also drops what stays here (the engine's `generation`).
		const value = checked(op.output, await op.run(engine, input, handlers), `${name} result`);
		tokens.flush();
		send({ type: 'result', id, value });
	} catch (err) {
		tokens.flush();
		send({ type: 'failed', id, error: serializeError(err) });
	} finally {
		cancelled.delete(id);
	}
}

/** A message that does not fit: its call (if it names one) fails; anything else is only reported. */
function refuse(raw: unknown, err: unknown): void {
	const id = callIdOf(raw);
	if (id !== null) send({ type: 'failed', id, error: serializeError(err) });
	else process.emitWarning(err instanceof Error ? err : String(err));
}

async function open(m: Extract<ToModelProcess, { type: 'open' }>): Promise<void> {
	try {
		engine = await RadialogEngine.open({ ...m.options, onEvent: (event) => send({ type: 'event', event }) });
		send({ type: 'opened', notice: engine.notice });
	} catch (err) {
		send({ type: 'openFailed', error: serializeError(err) });
	}
}

function receive(raw: unknown): void {
	let m: ToModelProcess;
	try {
		m = readToModelProcess(raw);
		if (m.type === 'call') {
			// Checked on arrival, so a malformed call fails at once instead of waiting its turn.
			const op = operationNamed(m.operation);
			const input = checked(op.input, m.input, `${m.operation} input`);
			const { id, operation } = m;
			signalFor(id);
			queue = queue.then(() => call(id, operation, op, input));
			return;
		}
	} catch (err) {
		refuse(raw, err);
		return;
	}
	if (m.type === 'cancel') {
		const s = cancelled.get(m.id);
		if (s && !s.aborted) {
			s.aborted = true;
			s.listeners.forEach((l) => l());
		}
	} else if (m.type === 'open') {
		const message = m;
		queue = queue.then(() => open(message));
	} else {
		queue = queue.then(async () => {
			await engine?.close();
			engine = null;
			process.exit(0);
		});
	}
}

channel.onMessage(receive);
// A child process outlives a vanished parent unless it leaves; Electron ends its utility processes itself.
process.on('disconnect', () => process.exit(0));
