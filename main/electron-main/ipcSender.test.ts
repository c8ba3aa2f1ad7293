import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IpcMainInvokeEvent } from 'electron';
import { isAppSender } from './ipcSender.js';

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

function from(url: string, parent: object | null = null): Sender {
	return { senderFrame: { url, parent } } as unknown as Sender;
}

test("the app's own top frame may call", () => {
	assert.equal(isAppSender(from('radialog://app/index.html')), true);
	assert.equal(isAppSender(from('radialog://app/index.html?study=2#findings')), true);
});

test('gone frames, subframes and other origins are refused', () => {
	assert.equal(isAppSender({ senderFrame: null }), false);
	assert.equal(isAppSender(from('radialog://app/index.html', {})), false);
	for (const url of [
		'https://example.org/',
		'file:///app/dist/renderer/index.html',
		'radialog://evil/index.html',
		'radialog://app@evil/',
		'about:blank',
		'devtools://devtools/bundled/inspector.html',
		'',
		'::',
	])
		assert.equal(isAppSender(from(url)), false, url);
});
