import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { SqliteStudyStore } from '../store/SqliteStudyStore.js';
import { openDatabase } from '../store/openDatabase.js';
import { WorklistQueries } from './WorklistQueries.js';

const names = ['Adams, Ann', 'Baker, Bo', 'Cruz, Cy', 'Diaz, Di', '50% Off, Percy'];

function seeded() {
	const db = openDatabase(path.join(tempDir('radialog-wl-'), 'w.sqlite'));
	const store = new SqliteStudyStore(db);
	for (let i = 0; i < 250; i++) {
		for (const view of i % 3 === 0 ? ['PA', 'LL'] : ['AP']) {
			store.saveInstance({
				sopInstanceUid: `1.9.${i}.${view}`,
				sopClassUid: null,
				transferSyntaxUid: '1.2.840.10008.1.2.1',
				studyInstanceUid: `1.9.${i}`,
				seriesInstanceUid: `1.9.${i}.${view}.s`,
				patientId: `P${i % 40}`,
				issuerOfPatientId: '',
				patientName: `${names[i % names.length]} ${i % 40}`,
				patientPersonName: null,
				patientBirthDate: null,
				patientSex: i % 2 ? 'F' : 'M',
				patientAge: '040Y',
				studyDate: `2024${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
				studyTime: null,
				accessionNumber: `A${i}`,
				dicomStudyId: null,
				studyDescription: null,
				referringPhysician: null,
				modality: 'DX',
				bodyPart: 'CHEST',
				seriesNumber: 1,
				instanceNumber: 1,
				viewPosition: view,
				rows: 10,
				columns: 10,
				frames: 1,
				fileSha256: 'x'.repeat(64),
				fileSize: 1,
			});
		}
	}
	db.exec(`UPDATE studies SET status = CASE id % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'drafted' WHEN 2 THEN 'in_review'
		ELSE 'signed' END,
		priority = CASE WHEN id % 25 = 0 THEN 'stat' WHEN id % 10 = 0 THEN 'urgent' ELSE 'routine' END`);
	return { db, worklist: new WorklistQueries(db) };
}

const base = { offset: 0, limit: 1000, direction: 'asc' as const, sort: 'imported' as const };

test('worklist sorts, filters, searches and pages consistently', () => {
	const { db, worklist } = seeded();
	try {
		const all = worklist.list(base);
		assert.equal(all.total, 250);
		const first = all.items.find((s) => s.studyInstanceUid === '1.9.0')!;
		assert.deepEqual([...first.views].sort(), ['LL', 'PA']);
		assert.equal(first.imageCount, 2);

		const byName = worklist.list({ ...base, sort: 'patientName' }).items.map((s) => s.patientName);
		assert.deepEqual(
			byName,
			[...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
		);
		const byNameDesc = worklist
			.list({ ...base, sort: 'patientName', direction: 'desc' })
			.items.map((s) => s.patientName);
		assert.deepEqual(
			byNameDesc,
			[...byName].reverse().sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)),
		);

		const urgentFirst = worklist.list({ ...base, sort: 'priority' }).items.map((s) => s.priority);
		assert.deepEqual(urgentFirst.slice(0, 10), Array(10).fill('stat'));
		assert.equal(urgentFirst.at(-1), 'routine');

		const newOnes = worklist.list({ ...base, status: ['new', 'signed'] });
		assert.ok(newOnes.items.every((s) => s.status === 'new' || s.status === 'signed'));
		assert.equal(newOnes.total, all.items.filter((s) => s.status === 'new' || s.status === 'signed').length);

		const spring = worklist.list({ ...base, dateFrom: '20240301', dateTo: '20240531' });
		assert.ok(
			spring.total > 0 && spring.items.every((s) => s.studyDate! >= '20240301' && s.studyDate! <= '20240531'),
		);

		// The search is literal: % and _ are not wildcards.
		assert.equal(worklist.list({ ...base, search: '50% Off' }).total, 50);
		assert.equal(worklist.list({ ...base, search: '5_%' }).total, 0);
		assert.equal(worklist.list({ ...base, search: 'A17' }).items[0]?.studyInstanceUid, '1.9.17');

		// Pages of 7 in any order join up to the full list.
		for (const sort of ['patientName', 'studyDate', 'priority', 'status', 'imported'] as const) {
			const full = worklist.list({ ...base, sort, direction: 'desc' }).items.map((s) => s.studyId);
			const paged: number[] = [];
			for (let offset = 0; offset < 250; offset += 7)
				paged.push(
					...worklist
						.list({ ...base, sort, direction: 'desc', offset, limit: 7 })
						.items.map((s) => s.studyId),
				);
			assert.deepEqual(paged, full, sort);

			// Next and previous follow the same order.
			const order = { sort, direction: 'desc' as const };
			assert.equal(worklist.adjacent(full[10]!, order, 'next'), full[11]);
			assert.equal(worklist.adjacent(full[10]!, order, 'previous'), full[9]);
			assert.equal(worklist.adjacent(full.at(-1)!, order, 'next'), null);
			assert.equal(worklist.adjacent(full[0]!, order, 'previous'), null);
		}
	} finally {
		db.close();
	}
});
