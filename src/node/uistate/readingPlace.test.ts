import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { uiStateContract } from '../../common/api/uiStateContract.js';
import { SettingsStore } from '../settings/SettingsStore.js';
import { openDatabase } from '../store/openDatabase.js';
import { Workstation } from '../workstation/Workstation.js';
import { ReadingPlace } from './ReadingPlace.js';
import { SqliteUiStateStorage } from './SqliteUiStateStorage.js';

const file = () => path.join(tempDir('radialog-uistate-'), 'w.sqlite');

test('a new data folder starts on the worklist, newest import first, nothing selected', () => {
	const place = new ReadingPlace(new SqliteUiStateStorage(openDatabase(file())));
	assert.deepEqual(place.get(), {
		worklist: {
			selectedStudyId: null,
			sort: { key: 'imported', direction: 'desc' },
			filters: { search: '', status: [], dateFrom: null, dateTo: null },
		},
		openStudyId: null,
	});
});

test('selection, sort, filters and the open study survive closing and reopening the database', () => {
	const f = file();
	const db = openDatabase(f);
	const place = new ReadingPlace(new SqliteUiStateStorage(db));
	place.update({ worklist: { sort: { key: 'patientName', direction: 'asc' } } });
	place.update({ worklist: { selectedStudyId: 7 }, openStudyId: 7 });
	place.update({ worklist: { filters: { search: 'Doe', status: ['new'], dateFrom: '20240101', dateTo: null } } });
	// Back on the worklist: the open study goes, the selection stays.
	const last = place.update({ openStudyId: null });
	db.close();

	const reopened = new ReadingPlace(new SqliteUiStateStorage(openDatabase(f)));
	assert.deepEqual(reopened.get(), last);
	assert.deepEqual(last, {
		worklist: {
			selectedStudyId: 7,
			sort: { key: 'patientName', direction: 'asc' },
			filters: { search: 'Doe', status: ['new'], dateFrom: '20240101', dateTo: null },
		},
		openStudyId: null,
	});
});

test('the state shares the settings table without touching the settings', () => {
	const db = openDatabase(file());
	const settings = new SettingsStore(db);
	settings.update({ readerName: 'Dr. Keys' });
	new ReadingPlace(new SqliteUiStateStorage(db)).update({ openStudyId: 3 });
	assert.equal(settings.get().readerName, 'Dr. Keys');
});

test('a damaged stored state opens the worklist from the defaults instead of failing', () => {
	const db = openDatabase(file());
	db.prepare(`INSERT INTO settings (key, value) VALUES ('uistate', ?)`).run('{"worklist": {"sort": 12}');
	const place = new ReadingPlace(new SqliteUiStateStorage(db));
	assert.equal(place.get().openStudyId, null);
	assert.equal(place.update({ openStudyId: 4 }).worklist.sort.key, 'imported');
});

test('the workstation answers ui.get and ui.update and validates their input', async () => {
	const ws = new Workstation({ dataDir: tempDir('radialog-uistate-ws-'), shell: 'browser' });
	try {
		await ws.handlers['ui.update']({ worklist: { selectedStudyId: 12 }, openStudyId: 12 });
		const state = await ws.handlers['ui.get']({});
		assert.equal(state.worklist.selectedStudyId, 12);
		assert.equal(state.openStudyId, 12);
		assert.equal(uiStateContract['ui.update'].input.safeParse({ openStudyId: 'seven' }).success, false);
		assert.equal(uiStateContract['ui.update'].input.safeParse({ worklist: { extra: 1 } }).success, false);
	} finally {
		await ws.close();
	}
});
