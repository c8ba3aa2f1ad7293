import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PriorStudy } from '../../common/api/priorsContract.js';
import { reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import type { PriorStudyFinder } from './index.js';
import { priorsModule } from './priorsModule.js';

let uid = 0;
/** One patient row per (Patient ID, issuer), as the importer keeps them; returns the study's id. */
function study(db: SqliteDatabase, o: { pid: string; issuer?: string; name: string; date: string | null }): number {
	db.prepare(
		`INSERT INTO patients (patient_id, issuer, name) VALUES (@pid, @issuer, @name)
			ON CONFLICT (patient_id, issuer) DO NOTHING`,
	).run({ issuer: '', ...o });
	const patient = db
		.prepare('SELECT id FROM patients WHERE patient_id = ? AND issuer = ?')
		.get(o.pid, o.issuer ?? '') as { id: number };
	const s = db
		.prepare(
			`INSERT INTO studies (study_instance_uid, patient_ref, study_date, description, modality)
				VALUES (?, ?, ?, 'CHEST PA', 'DX')`,
		)
		.run(`1.2.826.0.1.3680043.8.498.9${++uid}`, patient.id, o.date);
	return Number(s.lastInsertRowid);
}

function fixture() {
	const f = reportingFixture(tempDir());
	return { ...f, priors: priorsModule({ db: f.db, reports: f.reporting }).priors };
}

const dates = (priors: PriorStudy[]) => priors.map((p) => p.studyDate);

test('the patient’s other studies: earlier ones newest first, later ones after, never the current one', async () => {
	const f = fixture();
	const jane = { pid: 'P-1', name: 'Doe^Jane' };
	const current = study(f.db, { ...jane, date: '20250110' });
	study(f.db, { ...jane, date: '20230505' });
	study(f.db, { ...jane, date: '20240301' });
	study(f.db, { ...jane, date: '20260101' });
	study(f.db, { ...jane, date: null });
	const priors = await f.priors.list(current);
	assert.deepEqual(dates(priors), ['20240301', '20230505', '20260101', null]);
	assert.ok(priors.every((p) => p.source === 'local' && p.studyId !== current));
	assert.deepEqual(
		{ ...priors[0], studyId: 0, studyInstanceUid: '' },
		{
			source: 'local',
			studyId: 0,
			studyInstanceUid: '',
			studyDate: '20240301',
			description: 'CHEST PA',
			modality: 'DX',
			status: 'not_signed',
			report: null,
		},
	);
});

test('another patient of the same name, or the same ID from another issuer, is never a prior', async () => {
	const f = fixture();
	const current = study(f.db, { pid: 'P-1', name: 'Doe^Jane', date: '20250110' });
	const own = study(f.db, { pid: 'P-1', name: 'Doe^Jane', date: '20240301' });
	study(f.db, { pid: 'P-2', name: 'Doe^Jane', date: '20240302' });
	study(f.db, { pid: 'P-1', issuer: 'OTHER HOSPITAL', name: 'Doe^Jane', date: '20240303' });
	const priors = await f.priors.list(current);
	assert.deepEqual(
		priors.map((p) => p.studyId),
		[own],
	);
});

test('an empty Patient ID names no one: no priors, even beside another ID-less study', async () => {
	const f = fixture();
	// The importer files ID-less images under a per-study issuer; even one shared patient row lists nothing.
	const current = study(f.db, { pid: '', name: 'Anon', date: '20250110' });
	study(f.db, { pid: '', name: 'Anon', date: '20240101' });
	assert.deepEqual(await f.priors.list(current), []);
});

test('a signed prior carries its final text and addenda, read through reporting; a draft says not signed', async () => {
	const f = fixture();
	const jane = { pid: 'P-1', name: 'Doe^Jane' };
	const current = study(f.db, { ...jane, date: '20250110' });
	const signed = study(f.db, { ...jane, date: '20240301' });
	const drafted = study(f.db, { ...jane, date: '20230101' });
	await f.reporting.draft(signed);
	f.reporting.save(signed, { findings: 'Heart size normal. PRIOR MARKER.', impression: 'No acute disease.' });
	await f.signing.sign(signed, true);
	await f.signing.addendum(signed, 'Addendum: compared with outside films.');
	await f.reporting.draft(drafted);

	const [first, second] = await f.priors.list(current);
	assert.equal(first!.studyId, signed);
	assert.equal(first!.status, 'signed');
	assert.equal(first!.report!.findings, 'Heart size normal. PRIOR MARKER.');
	assert.equal(first!.report!.impression, 'No acute disease.');
	assert.equal(first!.report!.signedBy, 'Dr. Ada Reader');
	assert.deepEqual(
		first!.report!.addenda.map((a) => a.text),
		['Addendum: compared with outside films.'],
	);
	assert.equal(second!.studyId, drafted);
	assert.equal(second!.status, 'not_signed');
	assert.equal(second!.report, null, 'a draft is never shown as a prior report');
});

test('further finders add studies marked as on the PACS; one the store already has is listed once', async () => {
	const f = fixture();
	const jane = { pid: 'P-1', name: 'Doe^Jane' };
	const current = study(f.db, { ...jane, date: '20250110' });
	const local = study(f.db, { ...jane, date: '20240301' });
	const localUid = f.studies.get(local).studyInstanceUid;
	const asked: string[] = [];
	const pacs: PriorStudyFinder = {
		find: (c) => {
			asked.push(`${c.patient.patientId}|${c.patient.issuer}`);
			const onPacs = { source: 'pacs' as const, studyId: null, description: null, modality: 'CR' };
			return Promise.resolve([
				{ ...onPacs, studyInstanceUid: localUid, studyDate: '20240301', status: 'not_signed' as const },
				{ ...onPacs, studyInstanceUid: '1.2.3.4', studyDate: '20220101', status: 'not_signed' as const },
			]);
		},
	};
	const priors = priorsModule({ db: f.db, reports: f.reporting, moreFinders: [pacs] }).priors;
	const listed = await priors.list(current);
	assert.deepEqual(asked, ['P-1|'], 'the PACS is asked by Patient ID and issuer');
	assert.deepEqual(
		listed.map((p) => [p.source, p.studyId]),
		[
			['local', local],
			['pacs', null],
		],
	);
});

test('a place that fails or is too slow: the local priors still listed, with a note naming it', async () => {
	const f = fixture();
	const jane = { pid: 'P-1', name: 'Doe^Jane' };
	const current = study(f.db, { ...jane, date: '20250110' });
	const local = study(f.db, { ...jane, date: '20240301' });
	const down: PriorStudyFinder = { place: 'PACS', find: () => Promise.reject(new Error('connection refused.')) };
	const slow: PriorStudyFinder = { place: 'Archive', find: () => new Promise(() => undefined) };
	const priors = priorsModule({ db: f.db, reports: f.reporting, moreFinders: [down, slow], finderTimeoutMs: 50 });
	const { priors: listed, notes } = await priors.priors.search(current);
	assert.deepEqual(
		listed.map((p) => p.studyId),
		[local],
	);
	assert.deepEqual(notes, [
		'PACS not reachable: connection refused.',
		'Archive not reachable: no answer within 50 ms.',
	]);
});

test('a study that does not exist is a not-found error', async () => {
	const f = fixture();
	await assert.rejects(f.priors.list(999), { code: 'not_found' });
});
