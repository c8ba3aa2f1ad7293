import assert from 'node:assert/strict';
import { test } from 'node:test';
import dimse from 'dcmjs-dimse';
import { commandPdu } from './commandPdu.js';

const { responses, constants } = dimse;

test('a C-STORE or C-ECHO answer is encoded byte for byte as the protocol library encodes it', () => {
	const store = new responses.CStoreResponse(constants.Status.ProcessingFailure, 'odd length');
	const ok = new responses.CStoreResponse(constants.Status.Success, '');
	const echo = new responses.CEchoResponse(constants.Status.Success, '');
	for (const r of [store, ok, echo]) {
		const commandSet = r.getCommandDataset();
		// The typings say string; the library keeps whatever it is given, and a message id is a number.
		commandSet.setElement('MessageIDBeingRespondedTo', 7 as unknown as string);
		commandSet.setElement('AffectedSOPInstanceUID', '1.2.3.45');
		const pdu = commandPdu(commandSet.getElements(), 5)!;
		const theirs = Buffer.from(commandSet.getDenaturalizedCommandDataset());
		assert.deepEqual(pdu.subarray(12), theirs);
		assert.equal(pdu[0], 0x04, 'P-DATA-TF');
		assert.equal(pdu.readUInt32BE(2), pdu.length - 6);
		assert.equal(pdu.readUInt32BE(6), pdu.length - 10, 'PDV item length');
		assert.deepEqual([pdu[10], pdu[11]], [5, 0x03], 'presentation context, last command fragment');
	}
});

test('a command with an element it does not know is not encoded (null), so no wrong answer goes out', () => {
	assert.equal(commandPdu({ CommandField: 1, OffendingElement: [1] }, 1), null);
});
