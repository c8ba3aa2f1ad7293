/**
 * Start-up verification of the audit chain with a large log: the incremental check (rows since the
 * last intact check, here 100 new ones) against the full check of every row. Medians of 5 runs.
 *
 *   npx tsx bench/auditChain.ts [--rows 100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appendAuditRow } from '../src/node/store/appendAuditRow.js';
import { openDatabase } from '../src/node/store/openDatabase.js';
import { verifyAuditChain } from '../src/node/store/verifyAuditChain.js';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const rows = Number(values.rows ?? 100_000);
const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-audit-')), 'workstation.sqlite'));
const detail = JSON.stringify({ format: 'pdf', file: '/exports/report-0001.pdf', version: 3 });
const add = (n: number) =>
	db.transaction(() => {
		for (let i = 0; i < n; i++) appendAuditRow(db, { studyRef: i % 500, actor: 'Dr A', action: 'edit', detail });
	})();
add(rows);

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(scope: 'full' | 'incremental'): number {
	const runs: number[] = [];
	for (let i = 0; i < 5; i++) {
		verifyAuditChain(db, 'full');
		add(100);
		const t = performance.now();
		if (!verifyAuditChain(db, scope).intact) throw new Error('chain broken in the bench');
		runs.push(performance.now() - t);
	}
	return median(runs);
}
const full = time('full');
const incremental = time('incremental');
console.log(`audit rows: ${rows}`);
console.log(`full check:        ${full.toFixed(1)} ms`);
console.log(`incremental check: ${incremental.toFixed(2)} ms (100 new rows)`);
console.log(`ratio incremental/full: ${(incremental / full).toFixed(4)}`);
db.close();
