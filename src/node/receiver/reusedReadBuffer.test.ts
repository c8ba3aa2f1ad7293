import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import net from 'node:net';
import { test } from 'node:test';
import { reusedReadBuffer } from './reusedReadBuffer.js';

test('an accepted connection reads into one reused buffer, delivers every byte, and closes the server', async () => {
	const sent = crypto.randomBytes(3 * 1024 * 1024 + 17);
	const copies: Buffer[] = [];
	const memory = new Set<ArrayBufferLike>();
	let done!: () => void;
	const received = new Promise<void>((r) => (done = r));
	const server = net.createServer({ pauseOnConnect: true }, (accepted) => {
		const socket = reusedReadBuffer(accepted, (chunk) => {
			memory.add(chunk.buffer);
			copies.push(Buffer.from(chunk));
		});
		socket.on('end', () => {
			socket.end();
			done();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
	try {
		client.end(sent);
		await received;
		assert.ok(Buffer.concat(copies).equals(sent), 'every byte, in order');
		assert.ok(copies.length > 1, 'several reads');
		assert.equal(memory.size, 1, 'each read into the same memory');
		// The accepted socket gave its connection back: the server closes without waiting for it.
		await new Promise<void>((r, reject) => server.close((err) => (err ? reject(err) : r())));
	} finally {
		client.destroy();
		if (server.listening) server.close();
	}
});
