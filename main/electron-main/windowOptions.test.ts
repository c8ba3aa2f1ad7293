import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowOptions } from './windowOptions.js';

test('the window isolates the page from Node and keeps the web security model', () => {
	const prefs = windowOptions('/app/dist/main/preload.cjs').webPreferences;
	assert.ok(prefs);
	assert.equal(prefs.preload, '/app/dist/main/preload.cjs');
	assert.equal(prefs.contextIsolation, true);
	assert.equal(prefs.sandbox, true);
	assert.equal(prefs.nodeIntegration, false);
	assert.equal(prefs.nodeIntegrationInSubFrames, false);
	assert.equal(prefs.nodeIntegrationInWorker, false);
	assert.equal(prefs.webSecurity, true);
	assert.equal(prefs.allowRunningInsecureContent, false);
	assert.equal(prefs.experimentalFeatures, false);
	assert.equal(prefs.webviewTag, false);
	assert.equal(prefs.enableBlinkFeatures, undefined);
});
