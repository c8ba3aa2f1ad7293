// Saving an image writes only what changes: the worklist row's count and views (migration 16) and the
// patient, study and series rows only when the image fills in a value they lack. The rows must stay
// exactly what a full recomputation (migration 12's backfill) gives.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { foldSearchKey } from '../../common/domain/foldSearchKey.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { worklistRowsBackfill } from './worklistRowsBackfill.js';
import { openDatabase } from './openDatabase.js';
import { SqliteStudyStore, type InstanceRecord } from './SqliteStudyStore.js';

let n = 0;
function image(study: string, series: string, more: Partial<InstanceRecord> = {}): InstanceRecord {
	n++;
	return {
		sopInstanceUid: `1.2.9.${n}`,
		sopClassUid: '1.2.840.10008.5.1.4.1.1.1.1',
		transferSyntaxUid: '1.2.840.10008.1.2.1',
		studyInstanceUid: `1.2.7.${study}`,
		seriesInstanceUid: `1.2.8.${series}`,
		patientId: 'P-1',
		issuerOfPatientId: '',
		patientName: 'Doe, Jane',
		patientPersonName: null,
		patientBirthDate: null,
		patientSex: null,
		patientAge: null,
		studyDate: '20240102',
		studyTime: null,
		accessionNumber: `ACC-${study}`,
		dicomStudyId: null,
		studyDescription: 'Chest',
		referringPhysician: null,
		modality: null,
		bodyPart: null,
		seriesNumber: 1,
		instanceNumber: n,
		viewPosition: null,
		rows: 8,
		columns: 8,
		frames: 1,
		fileSha256: n.toString(16).padStart(64, '0'),
		fileSize: 10,
		...more,
	};
}

test('worklist rows, patients, studies and series equal a full recomputation after every kind of image', () => {
	const db = openDatabase(path.join(tempDir('radialog-image-rows-'), 'w.sqlite'));
	try {
		const store = new SqliteStudyStore(db);
		const save = (r: InstanceRecord) => {
			const out = store.saveInstance(r);
			assert.equal(out.outcome, 'saved');
			return out;
		};
		save(image('1', '1'));
		save(image('1', '1', { viewPosition: 'PA' }));
		save(image('1', '1', { viewPosition: 'PA' }));
		save(image('1', '2', { viewPosition: 'LL', modality: 'DX', bodyPart: 'CHEST' }));
		save(image('1', '2', { viewPosition: 'AP' }));
		// Another patient: a later image fills in what the first lacked; a second one changes nothing.
		const p2 = { patientId: 'P-2', patientName: '' };
		save(image('2', '3', { ...p2 }));
		save(image('2', '3', { ...p2, patientName: 'Roe, Ann' }));
		save(image('2', '3', { ...p2, patientName: 'Other, Name', patientPersonName: 'Roe^Ann' }));
		save(image('2', '3', { ...p2, patientBirthDate: '19700101', patientSex: 'F' }));
		save(image('2', '3', { ...p2, patientBirthDate: '19990101', modality: 'CR', referringPhysician: 'Who^Dr' }));
		save(image('2', '4', { ...p2, modality: 'DX', referringPhysician: 'Other^Dr', dicomStudyId: '77' }));
		const [first, second] = [image('3', '5', { viewPosition: 'AP' }), image('3', '5')];
		save(first);
		save(second);
		db.prepare('DELETE FROM instances WHERE sop_instance_uid = ?').run(first.sopInstanceUid);

		const patients = db.prepare('SELECT name, person_name, birth_date, sex, search_key FROM patients').all();
		assert.deepEqual(patients, [
			{
				name: 'Doe, Jane',
				person_name: null,
				birth_date: null,
				sex: null,
				search_key: foldSearchKey('Doe, Jane '),
			},
			{
				name: 'Roe, Ann',
				person_name: 'Roe^Ann',
				birth_date: '19700101',
				sex: 'F',
				search_key: foldSearchKey('Roe, Ann Roe^Ann'),
			},
		]);
		const studies = db
			.prepare('SELECT modality, body_part, referring_physician, dicom_study_id FROM studies ORDER BY id')
			.all();
		assert.deepEqual(studies, [
			{ modality: 'DX', body_part: 'CHEST', referring_physician: null, dicom_study_id: null },
			{ modality: 'CR', body_part: null, referring_physician: 'Who^Dr', dicom_study_id: '77' },
			{ modality: null, body_part: null, referring_physician: null, dicom_study_id: null },
		]);
		const series = db.prepare('SELECT view_position FROM series ORDER BY id').all();
		assert.deepEqual(
			series.map((r) => (r as { view_position: string | null }).view_position),
			['PA', 'LL', null, null, 'AP'],
		);
		const views = db.prepare('SELECT views, image_count FROM worklist_rows ORDER BY study_id').all();
		assert.deepEqual(views, [
			{ views: 'AP,LL,PA', image_count: 5 },
			{ views: '', image_count: 6 },
			{ views: 'AP', image_count: 1 },
		]);
		const rows = () => db.prepare('SELECT * FROM worklist_rows ORDER BY study_id').all();
		const kept = rows();
		db.exec(`DELETE FROM worklist_rows; ${worklistRowsBackfill('true')}`);
		assert.deepEqual(kept, rows());
	} finally {
		db.close();
	}
});
