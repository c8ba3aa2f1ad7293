// The folded search key and the referring physician on insert, the reader's priority with its audit row,
// and every worklist sort, on real SQLite.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { WorklistSortKey } from '../../common/api/worklistContract.js';
import { AuditLog } from '../reporting/AuditLog.js';
import { openDatabase } from '../store/openDatabase.js';
import { type InstanceRecord, SqliteStudyStore } from '../store/SqliteStudyStore.js';
import { StudyPriorities } from './StudyPriorities.js';
import { WorklistQueries } from './WorklistQueries.js';

function record(i: number, over: Partial<InstanceRecord> = {}): InstanceRecord {
	return {
		sopInstanceUid: `1.7.${i}.1`,
		sopClassUid: null,
		transferSyntaxUid: '1.2.840.10008.1.2.1',
		studyInstanceUid: `1.7.${i}`,
		seriesInstanceUid: `1.7.${i}.s`,
		patientId: `P${i}`,
		issuerOfPatientId: '',
		patientName: `Name${i}`,
		patientPersonName: `Name${i}`,
		patientBirthDate: null,
		patientSex: 'F',
		patientAge: null,
		studyDate: '20250101',
		studyTime: null,
		accessionNumber: `A${i}`,
		dicomStudyId: null,
		studyDescription: null,
		referringPhysician: null,
		modality: 'DX',
		bodyPart: 'CHEST',
		seriesNumber: 1,
		instanceNumber: 1,
		viewPosition: 'PA',
		rows: 1,
		columns: 1,
		frames: 1,
		fileSha256: 'c'.repeat(64),
		fileSize: 1,
		...over,
	};
}

const base = { offset: 0, limit: 1000, direction: 'asc' as const };

test('new patients get the folded key on insert, and the referring physician is stored', () => {
	const db = openDatabase(path.join(tempDir('radialog-fold-'), 'w.sqlite'));
	try {
		const store = new SqliteStudyStore(db);
		const r = record(1, {
			patientName: 'Ødegård, Åse',
			patientPersonName: 'Ødegård^Åse',
			referringPhysician: 'Who^Doc',
		});
		const saved = store.saveInstance(r);
		assert.equal(saved.outcome, 'saved');
		const worklist = new WorklistQueries(db);
		assert.equal(worklist.list({ ...base, sort: 'imported', search: 'odegard' }).total, 0, 'ø is a letter');
		assert.equal(worklist.list({ ...base, sort: 'imported', search: 'ødegard, ase' }).total, 1);
		assert.equal(worklist.list({ ...base, sort: 'imported', search: 'ØDEGÅRD' }).total, 1);
		assert.equal(store.study(1)?.referring_physician, 'Who^Doc');
		// A second image without the referrer keeps it.
		store.saveInstance(record(1, { sopInstanceUid: '1.7.1.2', referringPhysician: null }));
		assert.equal(store.study(1)?.referring_physician, 'Who^Doc');
	} finally {
		db.close();
	}
});

test('the reader sets a priority: stored, audited under their name, unchanged priorities not audited', () => {
	const db = openDatabase(path.join(tempDir('radialog-prio-'), 'w.sqlite'));
	try {
		new SqliteStudyStore(db).saveInstance(record(1));
		const audit = new AuditLog(db);
		const changed: number[] = [];
		const priorities = new StudyPriorities({
			db,
			audit,
			reader: { readerName: () => 'Dr Reader' },
			events: { emit: (e) => e.type === 'worklist.changed' && changed.push(...e.studyIds) },
		});
		assert.deepEqual(priorities.set(1, 'stat'), { studyId: 1, priority: 'stat' });
		priorities.set(1, 'stat');
		priorities.set(1, 'urgent');
		const worklist = new WorklistQueries(db);
		assert.equal(worklist.list({ ...base, sort: 'imported' }).items[0]?.priority, 'urgent');
		const entries = audit.forStudy(1).filter((e) => e.action === 'set_priority');
		assert.deepEqual(
			entries.map((e) => [e.actor, e.detail]),
			[
				['Dr Reader', { from: 'routine', to: 'stat' }],
				['Dr Reader', { from: 'stat', to: 'urgent' }],
			],
		);
		assert.deepEqual(changed, [1, 1, 1]);
		assert.throws(() => priorities.set(99, 'stat'), /does not exist/);
	} finally {
		db.close();
	}
});

test('every worklist column sorts both ways, ties broken by study id', () => {
	const db = openDatabase(path.join(tempDir('radialog-sorts-'), 'w.sqlite'));
	try {
		const store = new SqliteStudyStore(db);
		const mods = ['DX', 'CR', 'DX', 'CR', 'DX'];
		for (let i = 0; i < 30; i++) {
			store.saveInstance(
				record(i, {
					patientId: `P${(i * 7) % 30}`.padStart(3, '0'),
					patientName: `Name ${(i * 11) % 30}`,
					patientBirthDate: i % 4 === 0 ? null : `19${50 + (i % 40)}0101`,
					patientAge: i % 4 === 0 ? `0${20 + i}Y` : null,
					studyDate: `2024${String(1 + (i % 12)).padStart(2, '0')}01`,
					modality: mods[i % 5]!,
					bodyPart: i % 3 ? 'CHEST' : 'THORAX',
				}),
			);
			if (i % 2) store.saveInstance(record(i, { sopInstanceUid: `1.7.${i}.2`, viewPosition: 'LL' }));
		}
		db.exec(`UPDATE studies SET status = CASE id % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'signed' ELSE 'drafted' END,
			priority = CASE id % 5 WHEN 0 THEN 'stat' WHEN 1 THEN 'urgent' ELSE 'routine' END`);
		const worklist = new WorklistQueries(db);
		const ageDays = (as: string | null) => Number(as!.slice(0, 3)) * (as!.endsWith('Y') ? 365.25 : 30.44);
		const rank = { stat: 0, urgent: 1, routine: 2 } as const;
		const keyOf: Record<
			Exclude<WorklistSortKey, 'imported'>,
			(s: ReturnType<typeof worklist.list>['items'][0]) => string | number
		> = {
			patientName: (s) => s.patientName,
			patientId: (s) => s.patientId,
			age: (s) => ageDays(s.patientAge),
			studyDate: (s) => s.studyDate ?? '',
			modality: (s) => s.modality ?? '',
			bodyPart: (s) => s.bodyPart ?? '',
			views: (s) => [...s.views].sort().join(','),
			imageCount: (s) => s.imageCount,
			status: (s) => s.status,
			priority: (s) => rank[s.priority],
		};
		for (const [sort, key] of Object.entries(keyOf) as [keyof typeof keyOf, (typeof keyOf)['age']][]) {
			for (const direction of ['asc', 'desc'] as const) {
				const items = worklist.list({ ...base, sort, direction }).items;
				assert.equal(items.length, 30);
				const sign = direction === 'asc' ? 1 : -1;
				for (let i = 1; i < items.length; i++) {
					const [a, b] = [key(items[i - 1]!), key(items[i]!)];
					const cmp = a < b ? -1 : a > b ? 1 : items[i - 1]!.studyId - items[i]!.studyId;
					// Age sorts by days, so within one year two patients may read the same; the order holds.
					if (sort === 'age' && Math.abs(Number(a) - Number(b)) < 366) continue;
					assert.ok(cmp * sign < 0, `${sort} ${direction} at ${i}: ${a} then ${b}`);
				}
				const paged = [0, 10, 20].flatMap((offset) =>
					worklist.list({ ...base, sort, direction, offset, limit: 10 }).items.map((s) => s.studyId),
				);
				assert.deepEqual(
					paged,
					items.map((s) => s.studyId),
					`${sort} ${direction} pages`,
				);
			}
		}
		// The plain columns' sorts read an index rather than sorting every study.
		for (const sort of ['studyDate', 'modality', 'bodyPart', 'status', 'priority', 'imported'] as const) {
			const plan = db
				.prepare(`EXPLAIN QUERY PLAN SELECT s.id FROM studies s ORDER BY ${sortSql(sort)}, s.id LIMIT 10`)
				.all() as { detail: string }[];
			assert.ok(!plan.some((p) => p.detail.includes('TEMP B-TREE')), `${sort}: ${JSON.stringify(plan)}`);
		}
	} finally {
		db.close();
	}
});

function sortSql(sort: string): string {
	const plain: Record<string, string> = {
		studyDate: 's.study_date',
		modality: 's.modality',
		bodyPart: 's.body_part',
		status: 's.status',
		imported: 's.imported_at',
		priority: `CASE s.priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`,
	};
	return plain[sort]!;
}
