/**
 * Entry of the model process (a Node child process; Electron can host the same file in a
 * utilityProcess). One engine, calls run one at a time in arrival order, cancels act at once.
 */
import { RadialogEngine } from '../RadialogEngine.js';
import { parentChannel } from './parentChannel.js';
import { serializeError, type FromModelProcess, type ToModelProcess } from './protocol.js';

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

async function call(id: number, method: string, input: any): Promise<void> {
	const signal = cancelled.get(id) ?? signalFor(id);
	try {
		if (!engine) throw new Error('the model process has no models open');
		if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'Cancelled' });
		const handlers = {
			signal,
			onToken: (text: string, tokensPerSecond: number | null) =>
				send({ type: 'token', id, text, tokensPerSecond }),
		};
		let value: unknown;
		if (method === 'predictFindings') value = await engine.predictFindings(input);
		else if (method === 'draftReport') value = strip(await engine.draftReport(input, handlers));
		else if (method === 'followUp') value = strip(await engine.followUp(input, handlers));
		else throw new Error(`unknown call ${method}`);
		send({ type: 'result', id, value });
	} catch (err) {
		send({ type: 'failed', id, error: serializeError(err) });
	} finally {
		cancelled.delete(id);
	}
}

function strip<T extends { generation: unknown }>(r: T): Omit<T, 'generation'> {
	const { generation: _g, ...rest } = r;
	return rest;
}

channel.onMessage((m: ToModelProcess) => {
	if (m.type === 'cancel') {
		const s = cancelled.get(m.id);
		if (s && !s.aborted) {
			s.aborted = true;
			s.listeners.forEach((l) => l());
		}
		return;
	}
	if (m.type === 'call') signalFor(m.id);
	queue = queue.then(async () => {
		if (m.type === 'open') {
			try {
				engine = await RadialogEngine.open({
					...m.options,
					onEvent: (event) => send({ type: 'event', event }),
				});
				send({ type: 'opened', notice: engine.notice });
			} catch (err) {
				send({ type: 'openFailed', error: serializeError(err) });
			}
		} else if (m.type === 'call') {
			await call(m.id, m.method, m.input);
		} else if (m.type === 'close') {
			await engine?.close();
			engine = null;
			process.exit(0);
		}
	});
});
// A child process outlives a vanished parent unless it leaves; Electron ends its utility processes itself.
process.on('disconnect', () => process.exit(0));
