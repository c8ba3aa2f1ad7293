// `radialog verify-audit`, the real command on a real data folder: intact, tampered, missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { beforeChainDatabase } from '../../../src/node/store/beforeChainDatabase.js';
import { tempDir } from '../../helpers/tempDir.js';

const cli = path.resolve('bin/radialog.mjs');
const radialog = (...args: string[]) =>
	spawnSync(process.execPath, [cli, 'verify-audit', ...args], { encoding: 'utf8', timeout: 60_000 });

/** A data folder written by the release before the chain; the command's own opening upgrades it. */
function oldDataFolder(): string {
	const dir = tempDir();
	beforeChainDatabase(path.join(dir, 'workstation.sqlite'));
	return dir;
}

test('an upgraded data folder: exit 0, "audit chain intact" with the row count, and the same as JSON', () => {
	const dir = oldDataFolder();
	const r = radialog('--data-dir', dir);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^audit chain intact: 6 rows \(head [0-9a-f]{64}\)$/m);
	const json = radialog('--data-dir', dir, '--json');
	assert.equal(json.status, 0, json.stderr);
	const out = JSON.parse(json.stdout) as { intact: boolean; total: number; checked: number; headHash: string };
	assert.deepEqual([out.intact, out.total, out.checked], [true, 6, 6]);
	assert.match(out.headHash, /^[0-9a-f]{64}$/);
});

test('a detail edited around the triggers: non-zero exit naming the first broken row and what is wrong', () => {
	const dir = oldDataFolder();
	assert.equal(radialog('--data-dir', dir).status, 0);
	const raw = new Database(path.join(dir, 'workstation.sqlite'));
	raw.exec(`DROP TRIGGER audit_no_update; UPDATE audit_log SET detail = '{"version":1}' WHERE id = 3`);
	raw.close();
	const r = radialog('--data-dir', dir);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /audit chain broken at row 3: row 3 does not match its hash/);
	const json = radialog('--data-dir', dir, '--json');
	assert.equal(json.status, 1);
	const out = JSON.parse(json.stdout) as { intact: boolean; brokenRowId: number; problem: string };
	assert.deepEqual([out.intact, out.brokenRowId], [false, 3]);
	assert.match(out.problem, /fields were changed/);
});

test('a deleted row and a folder without a database are reported, not read as intact', () => {
	const dir = oldDataFolder();
	assert.equal(radialog('--data-dir', dir).status, 0);
	const raw = new Database(path.join(dir, 'workstation.sqlite'));
	raw.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit_log WHERE id = 4');
	raw.close();
	const r = radialog('--data-dir', dir);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /broken at row 5: row 4 is missing before row 5: deleted/);
	const none = radialog('--data-dir', path.join(dir, 'nothing-here'));
	assert.equal(none.status, 1);
	assert.match(none.stderr, /no workstation database in .*nothing-here/);
});
