// Start-up finds tampering among the rows written since the last check at once; the background pass
// finds an old row edited around the triggers; the status call reports both.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { beforeChainDatabase } from '../store/beforeChainDatabase.js';
import { AuditLog } from '../reporting/AuditLog.js';
import { openDatabase } from '../store/openDatabase.js';
import { auditModule } from './auditModule.js';

/** A data folder upgraded and used once (so start-up remembers its last row), then `sql` run around the guards. */
function usedThenTampered(sql: string): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-module-')), 'workstation.sqlite');
	beforeChainDatabase(file);
	const db = openDatabase(file);
	auditModule({ db });
	new AuditLog(db).record({ studyId: 9, actor: 'Dr A', action: 'export' });
	db.close();
	const raw = openDatabase(file);
	raw.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ${sql}`);
	raw.close();
	return file;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('an untouched log is intact at start-up and after the full pass', async () => {
	const db = openDatabase(usedThenTampered(''));
	const m = auditModule({ db });
	assert.deepEqual(
		{ ...(await m.handlers['audit.status']({})), checkedAt: '' },
		{
			state: 'intact',
			rows: 7,
			firstBrokenRowId: null,
			problem: null,
			checkedAt: '',
			fullCheckPending: true,
		},
	);
	for (const b of m.background) await b.start();
	await settle();
	const after = await m.handlers['audit.status']({});
	assert.equal(after.state, 'intact');
	assert.equal(after.fullCheckPending, false);
	db.close();
});

test('a row written since the last check and then edited is reported at start-up', async () => {
	const db = openDatabase(usedThenTampered(`UPDATE audit_log SET detail = '{"format":"pdf"}' WHERE id = 7`));
	const m = auditModule({ db });
	const s = await m.handlers['audit.status']({});
	assert.equal(s.state, 'broken');
	assert.equal(s.firstBrokenRowId, 7);
	assert.match(s.problem ?? '', /row 7 does not match its hash/);
	db.close();
});

test('an old row edited is found by the background pass, naming the earliest broken row', async () => {
	const db = openDatabase(usedThenTampered(`UPDATE audit_log SET actor = 'Dr Z' WHERE id = 2`));
	const m = auditModule({ db });
	assert.equal((await m.handlers['audit.status']({})).state, 'intact');
	for (const b of m.background) await b.start();
	await settle();
	const s = await m.handlers['audit.status']({});
	assert.deepEqual([s.state, s.firstBrokenRowId, s.fullCheckPending], ['broken', 2, false]);
	for (const b of m.background) await b.stop();
	db.close();
});
