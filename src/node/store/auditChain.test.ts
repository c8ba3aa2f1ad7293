// The audit log's hash chain: a data folder from the release before it opens with every row kept and
// chained, and an edit, deletion or reordering made around the triggers is found and named.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { beforeChainDatabase } from './beforeChainDatabase.js';
import { AuditLog } from '../reporting/AuditLog.js';
import { openDatabase } from './openDatabase.js';
import { verifyAuditChain } from './verifyAuditChain.js';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-chain-')), 'workstation.sqlite');

/** An upgraded database, then `tamper` run on a plain connection with the guards dropped. */
function tampered(tamper: string): string {
	const file = tempFile();
	beforeChainDatabase(file);
	openDatabase(file).close();
	const raw = new Database(file);
	raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_needs_hash;');
	raw.exec(tamper);
	raw.close();
	return file;
}

function fullCheck(file: string) {
	const db = openDatabase(file);
	try {
		return verifyAuditChain(db, 'full');
	} finally {
		db.close();
	}
}

test('a data folder from before the chain opens with every audit row kept, hashed, and the start recorded', () => {
	const file = tempFile();
	beforeChainDatabase(file);
	const old = new Database(file, { readonly: true });
	const before = old.prepare('SELECT * FROM audit_log ORDER BY id').all();
	const reports = old.prepare('SELECT * FROM reports ORDER BY id').all();
	old.close();

	const db = openDatabase(file);
	const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
	assert.deepEqual(
		rows.slice(0, 5).map(({ hash: _h, hash_format: _f, ...r }) => r),
		before,
	);
	assert.ok(rows.every((r) => typeof r.hash === 'string' && r.hash.length === 64));
	assert.deepEqual(db.prepare('SELECT * FROM reports ORDER BY id').all(), reports);
	const start = rows[5]!;
	assert.equal(start.action, 'audit.chain_started');
	assert.equal(start.id, 6);
	assert.deepEqual(JSON.parse(start.detail as string), {
		format: 1,
		rowsCovered: 5,
		firstRowId: 1,
		lastRowId: 5,
		note: 'rows up to lastRowId were written before the chain existed and were hashed when it started',
	});
	assert.deepEqual(verifyAuditChain(db, 'full'), {
		intact: true,
		checked: 6,
		total: 6,
		headHash: start.hash,
	});
	new AuditLog(db).record({ studyId: 9, actor: 'Dr A', action: 'export', detail: { format: 'hl7' } });
	assert.equal(verifyAuditChain(db, 'incremental').intact, true);
	assert.throws(() => db.exec('DELETE FROM audit_log'), /append-only/);
	assert.throws(() => db.exec(`UPDATE audit_log SET detail = '{}' WHERE id = 1`), /append-only/);
	assert.throws(() => db.exec(`INSERT INTO audit_log (actor, action) VALUES ('X', 'sign')`), /chain hash/);
	db.close();
	assert.deepEqual(fullCheck(file).intact, true);
});

test('a new log starts its chain at its first row, with no start entry', () => {
	const db = openDatabase(tempFile());
	assert.deepEqual(verifyAuditChain(db, 'full'), { intact: true, checked: 0, total: 0, headHash: null });
	new AuditLog(db).record({ studyId: null, actor: 'Dr A', action: 'sign' });
	assert.deepEqual(db.prepare('SELECT action FROM audit_log').pluck().all(), ['sign']);
	assert.equal(verifyAuditChain(db, 'full').intact, true);
	db.close();
});

const tampering: [string, string, number, RegExp][] = [
	['an edited detail', `UPDATE audit_log SET detail = '{"version":1}' WHERE id = 3`, 3, /row 3 does not match/],
	['an edited actor', `UPDATE audit_log SET actor = 'Dr C' WHERE id = 1`, 1, /row 1 does not match/],
	['a deleted row', 'DELETE FROM audit_log WHERE id = 2', 3, /row 2 is missing before row 3/],
	['two deleted rows', 'DELETE FROM audit_log WHERE id IN (2, 3)', 4, /rows 2–3 are missing/],
	[
		'two rows swapped',
		`UPDATE audit_log SET id = 100 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3;
			UPDATE audit_log SET id = 3 WHERE id = 100;`,
		2,
		/row 2 does not match/,
	],
	['the last row deleted', 'DELETE FROM audit_log WHERE id = 6', 6, /row 6, found intact on .* is missing/],
	[
		'a row slipped in',
		`INSERT INTO audit_log (study_ref, actor, action, detail) VALUES (9, 'Dr A', 'sign', '{}')`,
		7,
		/row 7 has no chain hash: it was written outside RaDialog/,
	],
];

for (const [what, sql, row, problem] of tampering) {
	test(`the full check finds ${what} and names row ${row}`, () => {
		const check = fullCheck(tampered(sql));
		assert.equal(check.intact, false);
		if (check.intact) return;
		assert.equal(check.brokenRowId, row);
		assert.match(check.problem, problem);
	});
}

test('the start-up check reads only rows since the last intact one, and finds tampering among them', () => {
	const file = tempFile();
	beforeChainDatabase(file);
	const db = openDatabase(file);
	const log = new AuditLog(db);
	for (let i = 0; i < 3; i++) log.record({ studyId: 9, actor: 'Dr A', action: 'edit' });
	assert.deepEqual(verifyAuditChain(db, 'incremental'), {
		intact: true,
		checked: 4,
		total: 9,
		headHash: db.prepare('SELECT hash FROM audit_log WHERE id = 9').pluck().get(),
	});
	log.record({ studyId: 9, actor: 'Dr A', action: 'sign' });
	db.close();
	const raw = new Database(file);
	raw.exec(`DROP TRIGGER audit_no_update; UPDATE audit_log SET actor = 'Dr Z' WHERE id = 10`);
	raw.close();
	const again = openDatabase(file);
	const check = verifyAuditChain(again, 'incremental');
	assert.equal(check.intact, false);
	assert.equal(check.intact ? 0 : check.brokenRowId, 10);
	assert.equal(check.checked, 1, 'the row found intact last time is rechecked, then the new one');
	again.close();
});
