import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Session } from 'electron';
import { allowOnlyAppRequests } from './requestFilter.js';

type Listener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

function filterOf(): (url: string) => boolean {
	let listener: Listener | undefined;
	const fake = { webRequest: { onBeforeRequest: (l: Listener) => (listener = l) } };
	allowOnlyAppRequests(fake as unknown as Session);
	return (url) => {
		const answers: boolean[] = [];
		listener?.({ url }, (r) => answers.push(r.cancel));
		assert.equal(answers.length, 1, url);
		return answers[0] === true;
	};
}

test("requests for the app's own origin and the developer tools pass", () => {
	const cancelled = filterOf();
	for (const url of ['radialog://app/index.html', 'radialog://app/assets/x.js?v=1', 'devtools://devtools/x.html'])
		assert.equal(cancelled(url), false, url);
});

test('nothing goes outbound: network, files and look-alike origins are cancelled', () => {
	const cancelled = filterOf();
	const hostile = [
		'https://example.org/collect?report=1',
		'http://127.0.0.1:8080/',
		'ws://localhost:1234/',
		'wss://example.org/',
		'ftp://example.org/',
		'file:///etc/passwd',
		'radialog://evil/index.html',
		'radialog://app@evil/',
		'radialog://app.evil/',
		'chrome://settings',
		'',
		'not a url',
	];
	for (const url of hostile) assert.equal(cancelled(url), true, url);
});
