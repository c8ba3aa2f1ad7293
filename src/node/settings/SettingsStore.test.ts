import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { openDatabase } from '../store/openDatabase.js';
import { RelativeFolderError } from './SettingsErrors.js';
import { defaultSettings, SettingsStore } from './SettingsStore.js';
import { settingsHandlers } from './settingsHandlers.js';

function freshStore() {
	const db = openDatabase(path.join(tempDir('radialog-settings-'), 'workstation.sqlite'));
	return { db, store: new SettingsStore(db) };
}

/** Writes the settings row as an older version left it. */
function storeRaw(db: ReturnType<typeof openDatabase>, value: object): void {
	db.prepare(`INSERT INTO settings (key, value) VALUES ('workstation', ?)`).run(JSON.stringify(value));
}

test('settings saved by the first version (no credentials, no receiver limits) load with the new defaults', () => {
	const { db, store } = freshStore();
	storeRaw(db, {
		readerName: 'Dr. Old',
		exportFolder: '/srv/reports',
		receiver: { enabled: false, port: 104, aeTitle: 'OLDWS' },
		modelsDir: null,
		llmThreads: 4,
	});
	const s = store.get();
	assert.equal(s.readerName, 'Dr. Old');
	assert.equal(s.readerCredentials, '');
	assert.equal(s.exportFolder, '/srv/reports');
	assert.deepEqual(s.receiver, {
		enabled: false,
		port: 104,
		aeTitle: 'OLDWS',
		maxPduBytes: 262_144,
		idleTimeoutSeconds: 30,
		maxAssociations: 16,
	});
	assert.equal(s.llmThreads, 4);
});

test('one stored field that no longer passes falls back alone; the reader name survives', () => {
	const { db, store } = freshStore();
	storeRaw(db, { readerName: 'Dr. Kept', llmThreads: 99_999, receiver: { port: 0 } });
	const s = store.get();
	assert.equal(s.readerName, 'Dr. Kept');
	assert.equal(s.llmThreads, defaultSettings.llmThreads);
	assert.deepEqual(s.receiver, defaultSettings.receiver);
});

test('a relative export folder is refused with words saying why; nothing is saved', () => {
	const { store } = freshStore();
	store.update({ readerName: 'Dr. A', exportFolder: '/tmp/out' });
	for (const relative of ['reports', './reports', '../x']) {
		assert.throws(
			() => store.update({ readerName: 'Dr. B', exportFolder: relative }),
			(e: unknown) =>
				e instanceof RelativeFolderError &&
				e.code === 'bad_request' &&
				/export folder must be a full path/.test(e.message) &&
				e.message.includes(relative),
		);
	}
	assert.equal(store.get().readerName, 'Dr. A');
	assert.equal(store.get().exportFolder, '/tmp/out');
	assert.throws(() => store.update({ modelsDir: 'models/demo' }), RelativeFolderError);
});

test('an empty export folder means none; a full path is kept (normalized)', () => {
	const { store } = freshStore();
	assert.equal(store.update({ exportFolder: '/tmp/a/../reports/' }).exportFolder, '/tmp/reports/');
	assert.equal(store.update({ exportFolder: '  ' }).exportFolder, null);
});

test('a receiver change names only the fields it changes; the others stay', () => {
	const { store } = freshStore();
	store.update({ receiver: { maxAssociations: 3 } });
	const s = store.update({ receiver: { port: 4242 } });
	assert.equal(s.receiver.port, 4242);
	assert.equal(s.receiver.maxAssociations, 3);
	assert.equal(s.receiver.aeTitle, 'RADIALOG');
	assert.throws(() => store.update({ receiver: { port: 70_000 } }), /65535/);
});

test('listeners hear only fields that changed: saving the name alone does not touch the receiver', async () => {
	const { store } = freshStore();
	const heard: string[][] = [];
	const h = settingsHandlers(store, [
		(changed) => {
			heard.push(Object.keys(changed));
			return Promise.resolve();
		},
	]);
	await h['settings.update']({ readerName: 'Dr. C', receiver: { ...defaultSettings.receiver } });
	await h['settings.update']({ receiver: { ...defaultSettings.receiver, aeTitle: 'READING2' } });
	assert.deepEqual(heard, [['readerName'], ['receiver']]);
});

test('settings.checkFolder says why a typed folder cannot take exports', async () => {
	const { store } = freshStore();
	const check = settingsHandlers(store, [])['settings.checkFolder'];
	const dir = tempDir('radialog-export-');
	const file = path.join(dir, 'a.txt');
	fs.writeFileSync(file, '');
	assert.deepEqual(await check({ folder: `${dir}/`, access: 'write' }), { folder: `${dir}/`, problem: null });
	assert.equal(fs.readdirSync(dir).length, 1, 'the write probe is removed');
	assert.match((await check({ folder: 'reports', access: 'write' })).problem ?? '', /not a full path/);
	assert.match((await check({ folder: path.join(dir, 'nope'), access: 'write' })).problem ?? '', /no folder/);
	assert.match((await check({ folder: file, access: 'write' })).problem ?? '', /is a file, not a folder/);
	assert.match((await check({ folder: '', access: 'read' })).problem ?? '', /Enter a folder/);
	if (process.getuid?.() !== 0) {
		fs.chmodSync(dir, 0o555);
		assert.match((await check({ folder: dir, access: 'write' })).problem ?? '', /may not write/);
		fs.chmodSync(dir, 0o755);
	}
});
