import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MalformedPduError } from './MalformedPduError.js';
import { PduReader } from './PduReader.js';

const pdu = (type: number, body: number[]) => Buffer.from([type, 0, 0, 0, 0, body.length, ...body]);

test('PDUs cut at any byte come out whole and in order, though the socket reuses its read buffer', () => {
	const stream = Buffer.concat([pdu(0x04, [1, 2, 3, 4, 5]), pdu(0x05, [0, 0, 0, 0]), pdu(0x04, [])]);
	for (let cut = 0; cut <= stream.length; cut++) {
		for (let second = cut; second <= stream.length; second++) {
			const seen: [number, number[]][] = [];
			const reader = new PduReader(4096, (type, body) => seen.push([type, [...body]]));
			const read = Buffer.alloc(stream.length);
			for (const part of [stream.subarray(0, cut), stream.subarray(cut, second), stream.subarray(second)]) {
				part.copy(read);
				reader.push(read.subarray(0, part.length));
				read.fill(0xee);
			}
			assert.deepEqual(seen, [
				[0x04, [1, 2, 3, 4, 5]],
				[0x05, [0, 0, 0, 0]],
				[0x04, []],
			]);
		}
	}
});

test('a P-DATA-TF over the maximum is refused at its header; an association request may be larger', () => {
	const reader = new PduReader(4096, () => assert.fail('nothing is handed on'));
	assert.throws(() => reader.push(Buffer.from([0x04, 0, 0, 0, 0x10, 0x01])), MalformedPduError);
	const rq: number[] = [];
	new PduReader(4096, (type) => rq.push(type)).push(Buffer.concat([pdu(0x01, []).subarray(0, 2), big(20_000)]));
	assert.deepEqual(rq, [0x01]);
	const huge = new PduReader(4096, () => assert.fail('nothing is handed on'));
	assert.throws(() => huge.push(Buffer.from([0x01, 0, 0xff, 0xff, 0xff, 0xf0])), /4294967280 bytes/);
});

/** A length field and body of n bytes. */
function big(n: number): Buffer {
	const b = Buffer.alloc(4 + n);
	b.writeUInt32BE(n);
	return b;
}
