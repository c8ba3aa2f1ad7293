import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appOrigin } from './appOrigin.js';

test('appOrigin owns the pages of radialog://app', () => {
	for (const url of ['radialog://app/index.html', 'radialog://app/', 'radialog://app', 'radialog://app/a?b#c'])
		assert.ok(appOrigin.owns(url), url);
});

test('appOrigin refuses look-alikes, credentials, other schemes and garbage', () => {
	const hostile = [
		'radialog://evil/index.html',
		'radialog://app.evil/',
		'radialog://app@evil/',
		'radialog://evil@app/',
		'radialog://:secret@app/',
		'RADIALOG://evil/',
		'https://app/',
		'http://radialog/app',
		'file:///etc/passwd',
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'radialog:app/index.html',
		'',
		'not a url',
	];
	for (const url of hostile) assert.equal(appOrigin.owns(url), false, url);
});
