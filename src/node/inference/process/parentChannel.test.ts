import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { parentChannel, type ProcessLike } from './parentChannel.js';

test('in an Electron utilityProcess the channel uses parentPort, unwrapping message events', () => {
	const port = Object.assign(new EventEmitter(), {
		posted: [] as unknown[],
		postMessage(m: unknown) {
			this.posted.push(m);
		},
	});
	const proc = Object.assign(new EventEmitter(), {
		parentPort: port,
		send: () => assert.fail('process.send must not be used beside parentPort'),
	}) as unknown as ProcessLike;
	const channel = parentChannel(proc);
	assert.equal(channel.kind, 'utilityProcess');
	const got: unknown[] = [];
	channel.onMessage((m) => got.push(m));
	port.emit('message', { data: { type: 'close' } });
	channel.send({ type: 'opened', notice: null });
	assert.deepEqual(got, [{ type: 'close' }]);
	assert.deepEqual(port.posted, [{ type: 'opened', notice: null }]);
});

test('in a Node child process (no parentPort) the channel uses process.send and process message events', () => {
	const sent: unknown[] = [];
	const proc = Object.assign(new EventEmitter(), {
		parentPort: null,
		send: (m: unknown) => sent.push(m),
	}) as unknown as ProcessLike;
	const channel = parentChannel(proc);
	assert.equal(channel.kind, 'childProcess');
	const got: unknown[] = [];
	channel.onMessage((m) => got.push(m));
	(proc as unknown as EventEmitter).emit('message', { type: 'cancel', id: 3 });
	channel.send({ type: 'result', id: 3, value: 1 });
	assert.deepEqual(got, [{ type: 'cancel', id: 3 }]);
	assert.deepEqual(sent, [{ type: 'result', id: 3, value: 1 }]);
});
