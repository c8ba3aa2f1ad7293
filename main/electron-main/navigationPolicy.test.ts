import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebContents } from 'electron';
import { limitNavigation } from './navigationPolicy.js';

interface FakeEvent {
	prevented: boolean;
	preventDefault(): void;
}
type Listener = (event: FakeEvent, url: string) => void;
type OpenHandler = (details: { url: string }) => { action: string };

function contents() {
	const listeners = new Map<string, Listener>();
	let openHandler: OpenHandler | undefined;
	const opened: string[] = [];
	const fake = {
		on: (name: string, l: Listener) => listeners.set(name, l),
		setWindowOpenHandler: (h: OpenHandler) => (openHandler = h),
	};
	limitNavigation(fake as unknown as WebContents, (url) => {
		opened.push(url);
		return Promise.resolve();
	});
	const fire = (name: string, url = ''): boolean => {
		const event: FakeEvent = {
			prevented: false,
			preventDefault() {
				this.prevented = true;
			},
		};
		const listener = listeners.get(name);
		assert.ok(listener, name);
		listener(event, url);
		return event.prevented;
	};
	const open = (url: string) => {
		assert.ok(openHandler);
		return openHandler({ url }).action;
	};
	return { fire, open, opened };
}

const elsewhere = [
	'https://example.org/',
	'http://localhost:5173/',
	'file:///etc/passwd',
	'javascript:alert(1)',
	'data:text/html,<h1>x</h1>',
	'radialog://evil/index.html',
	'radialog://app@evil/',
	'about:blank',
	'',
];

test('the window may navigate within the app only', () => {
	const c = contents();
	assert.equal(c.fire('will-navigate', 'radialog://app/index.html#study'), false);
	assert.equal(c.fire('will-redirect', 'radialog://app/index.html'), false);
	for (const url of elsewhere) {
		assert.equal(c.fire('will-navigate', url), true, url);
		assert.equal(c.fire('will-redirect', url), true, url);
	}
});

test('no new window is ever opened; only https links go to the browser', () => {
	const c = contents();
	assert.equal(c.open('https://github.com/ChantalMP/RaDialog'), 'deny');
	assert.equal(c.open('radialog://app/index.html'), 'deny');
	for (const url of elsewhere) assert.equal(c.open(url), 'deny', url);
	assert.equal(c.open('https://user:pw@example.org/'), 'deny');
	assert.deepEqual(c.opened, ['https://github.com/ChantalMP/RaDialog', 'https://example.org/']);
});

test('a <webview> is never attached', () => {
	assert.equal(contents().fire('will-attach-webview'), true);
});
