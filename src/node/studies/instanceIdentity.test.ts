// A modality that reuses a UID for two patients must never put one patient's image into the other's study:
// an image is keyed by (patient, study, series), as Orthanc keys it; a conflict is refused, audited, not merged.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { dcmtk, makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { StudyRecords } from '../reporting/StudyRecords.js';
import { Workstation } from '../workstation/Workstation.js';

const uid = (n: string) => `1.2.826.0.1.3680043.10.1373.55.${n}`;

/** Where each stored image lives: SOP Instance UID → patient / study / series. */
function places(w: Workstation): Record<string, string> {
	const rows = w.db
		.prepare(
			`SELECT i.sop_instance_uid AS sop, p.patient_id || ' / ' || st.study_instance_uid || ' / ' ||
				se.series_instance_uid AS place FROM instances i JOIN series se ON se.id = i.series_ref
				JOIN studies st ON st.id = se.study_ref JOIN patients p ON p.id = st.patient_ref`,
		)
		.all() as { sop: string; place: string }[];
	return Object.fromEntries(rows.map((r) => [r.sop, r.place]));
}

function refusals(w: Workstation): { study_ref: number | null; actor: string; detail: Record<string, unknown> }[] {
	const rows = w.db
		.prepare(`SELECT study_ref, actor, detail FROM audit_log WHERE action = 'import.refused' ORDER BY id`)
		.all() as { study_ref: number | null; actor: string; detail: string }[];
	return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

async function withWorkstation(fn: (w: Workstation, dir: string) => Promise<void>): Promise<void> {
	const w = new Workstation({ dataDir: tempDir('radialog-identity-'), shell: 'browser' });
	try {
		await fn(w, tempDir('radialog-identity-in-'));
	} finally {
		await w.close();
	}
}

test('two patients sharing a SeriesInstanceUID: the second is refused with its reason and audited', async () => {
	await withWorkstation(async (w, dir) => {
		const [studyA, studyB, series] = [uid('1.1'), uid('1.2'), uid('1.3')];
		const first = makeDicomFixture(path.join(dir, 'p1.dcm'), 'dx16', {
			pid: 'P1',
			patient: 'One^Ann',
			study: studyA,
			series,
			sop: uid('1.4'),
		});
		const second = makeDicomFixture(path.join(dir, 'p2.dcm'), 'dx16', {
			pid: 'P2',
			patient: 'Two^Bob',
			study: studyB,
			series,
			sop: uid('1.5'),
			view: 'LL',
		});
		const ok = await w.importer.importPaths([first]);
		assert.equal(ok.imported, 1);
		const report = await w.importer.importPaths([second]);
		assert.equal(report.imported, 0);
		assert.equal(report.duplicates, 0);
		assert.equal(report.errors[0]?.code, 'identity_conflict');
		assert.equal(
			report.errors[0]?.message,
			`Series ${series} is already stored under patient P1 / study ${studyA}; ` +
				`this file names patient P2 / study ${studyB}: refused, not merged.`,
		);
		assert.deepEqual(places(w), { [uid('1.4')]: `P1 / ${studyA} / ${series}` });
		const page = w.worklist.list({ sort: 'patientName', direction: 'asc', offset: 0, limit: 10 });
		assert.deepEqual(
			page.items.map((s) => [s.patientName, s.imageCount]),
			[['One, Ann', 1]],
		);
		const [audit] = refusals(w);
		assert.equal(audit?.study_ref, ok.studyIds[0]);
		assert.equal(audit?.actor, 'folder');
		assert.equal(audit?.detail.code, 'identity_conflict');
		assert.equal(audit?.detail.rule, 'series_place');
		assert.equal(audit?.detail.file, second);
		assert.deepEqual(audit?.detail.incoming, {
			patientId: 'P2',
			issuer: '',
			patientName: 'Two, Bob',
			studyInstanceUid: studyB,
			seriesInstanceUid: series,
			sopInstanceUid: uid('1.5'),
		});
	});
});

test('two patients sharing a StudyInstanceUID, in one folder: the second is refused, not merged', async () => {
	await withWorkstation(async (w, dir) => {
		const study = uid('2.1');
		makeDicomFixture(path.join(dir, 'a', 'p1.dcm'), 'dx16', { pid: 'P1', study, sop: uid('2.2') });
		const second = makeDicomFixture(path.join(dir, 'b', 'p2.dcm'), 'dx16', { pid: 'P2', study, sop: uid('2.3') });
		const report = await w.importer.importPaths([dir]);
		assert.equal(report.imported, 1, JSON.stringify(report));
		assert.deepEqual(report.errors, [
			{
				file: second,
				code: 'identity_conflict',
				message:
					`Study ${study} is already stored under patient P1; ` +
					'this file names patient P2: refused, not merged.',
			},
		]);
		assert.deepEqual(
			Object.entries(places(w)).map(([sop, place]) => [sop, place.split(' / ')[0]]),
			[[uid('2.2'), 'P1']],
		);
		assert.equal(refusals(w)[0]?.detail.rule, 'study_patient');
		assert.equal(w.worklist.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 }).total, 1);
	});
});

test('the same SOP Instance UID naming another patient is refused, not counted a duplicate', async () => {
	await withWorkstation(async (w, dir) => {
		const sop = uid('3.1');
		const first = makeDicomFixture(path.join(dir, 'p1.dcm'), 'dx16', { pid: 'P1', sop });
		const second = makeDicomFixture(path.join(dir, 'p2.dcm'), 'dx16', { pid: 'P2', sop });
		await w.importer.importPaths([first]);
		const before = places(w);
		const report = await w.importer.importPaths([second]);
		assert.equal(report.duplicates, 0);
		assert.equal(report.errors[0]?.code, 'identity_conflict');
		assert.match(
			report.errors[0]?.message ?? '',
			new RegExp(
				`^Image ${sop} is already stored under patient P1 / study .+ / series .+; ` +
					'this file names patient P2 / study .+ / series .+: refused, not merged\\.$',
			),
		);
		assert.deepEqual(places(w), before);
		assert.equal(refusals(w)[0]?.detail.rule, 'instance_place');
	});
});

test('the same SOP Instance with other pixels is refused; a lossless transcoded copy stays a duplicate', async () => {
	await withWorkstation(async (w, dir) => {
		const ids = { pid: 'P1', study: uid('4.1'), series: uid('4.2'), sop: uid('4.3') };
		const original = makeDicomFixture(path.join(dir, 'original.dcm'), 'dx16', ids);
		const jpeg = dcmtk('dcmcjpeg', ['+e1'], original, path.join(dir, 'jpeg-lossless.dcm'));
		const implicit = dcmtk('dcmconv', ['+ti'], original, path.join(dir, 'implicit.dcm'));
		const other = makeDicomFixture(path.join(dir, 'other-pixels.dcm'), 'dx8', ids);
		await w.importer.importPaths([original]);
		const report = await w.importer.importPaths([jpeg, implicit, other]);
		assert.equal(report.imported, 0);
		assert.equal(report.duplicates, 2, JSON.stringify(report));
		assert.deepEqual(report.errors, [
			{
				file: other,
				code: 'identity_conflict',
				message:
					`Image ${ids.sop} is already stored with other pixel data; ` +
					'this file has the same SOP Instance UID but different pixels: refused, not merged.',
			},
		]);
		const [audit] = refusals(w);
		assert.equal(audit?.detail.rule, 'instance_pixels');
		assert.equal(w.studies.get(report.studyIds[0] ?? 1).images.length, 1);
		// Through the single-file path the receiver uses too.
		await assert.rejects(w.importer.importOne(fs.readFileSync(other)), /different pixels/);
		assert.equal((await w.importer.importOne(fs.readFileSync(jpeg))).duplicate, true);
		assert.equal(refusals(w).length, 2);
	});
});

test('the DICOM person name and Study ID are kept beside the readable name for exports', async () => {
	await withWorkstation(async (w, dir) => {
		const file = makeDicomFixture(path.join(dir, 'mueller.dcm'), 'dx16', { pid: 'P7' });
		execFileSync('dcmodify', [
			'-nb',
			'-i',
			'(0008,0005)=ISO_IR 192',
			'-m',
			'(0010,0010)=Müller^Hans',
			'-i',
			'(0020,0010)=S42',
			file,
		]);
		const report = await w.importer.importPaths([file]);
		const studyId = report.studyIds[0]!;
		const detail = w.studies.get(studyId);
		assert.equal(detail.patientName, 'Müller, Hans');
		assert.equal(detail.patientPersonName, 'Müller^Hans');
		assert.equal(detail.dicomStudyId, 'S42');
		const record = new StudyRecords(w.db).get(studyId);
		assert.equal(record.patientPersonName, 'Müller^Hans');
		assert.equal(record.dicomStudyId, 'S42');
	});
});

test('received images: hashed when stored, or at the check when the SOP Instance is stored already', async () => {
	await withWorkstation(async (w, dir) => {
		const ids = { pid: 'P1', study: uid('6.1'), series: uid('6.2'), sop: uid('6.3') };
		const original = makeDicomFixture(path.join(dir, 'original.dcm'), 'dx16', ids);
		const other = makeDicomFixture(path.join(dir, 'other-pixels.dcm'), 'dx8', ids);
		const origin = { actor: 'C-STORE from TEST', file: ids.sop };
		const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
		/** As the receiver does: checked from the bytes, then stored from its spool file. */
		const receive = async (file: string) => {
			const admitted = await w.importer.admit(fs.readFileSync(file), origin);
			const spooled = path.join(dir, `spool-${path.basename(file)}`);
			fs.copyFileSync(file, spooled);
			return { admitted, stored: (await w.importer.storeReceived([{ ...admitted, file: spooled }]))[0] };
		};

		const first = await receive(original);
		assert.equal(first.admitted.fileSha256, undefined, 'a new image is not hashed before its answer');
		const row = w.db.prepare('SELECT file_sha256 AS sha FROM instances WHERE sop_instance_uid = ?').get(ids.sop);
		assert.deepEqual(row, { sha: sha256(original) });
		assert.ok(fs.existsSync(w.importer.originals.pathOf(sha256(original))));

		const again = await receive(original);
		assert.equal(again.admitted.fileSha256, sha256(original), 'hashed to tell a duplicate');
		assert.equal((again.stored as { duplicate: boolean }).duplicate, true);

		// A spool file gone before its batch is stored fails alone; the rest of the batch is stored.
		const third = makeDicomFixture(path.join(dir, 'third.dcm'), 'dx16', { ...ids, sop: uid('6.4') });
		const admitted = await w.importer.admit(fs.readFileSync(third), origin);
		const [gone, kept] = await w.importer.storeReceived([
			{ ...admitted, file: path.join(dir, 'gone.dcm') },
			{ ...admitted, file: third },
		]);
		assert.ok(gone instanceof Error);
		assert.equal((kept as { duplicate: boolean }).duplicate, false);
		// Any other failure to read fails the batch, whose files the spool keeps for the next start.
		await assert.rejects(w.importer.storeReceived([{ ...admitted, file: dir }]), /EISDIR/);

		await assert.rejects(receive(other), /different pixels/);
		const [audit] = refusals(w);
		assert.equal(audit?.detail.rule, 'instance_pixels');
		assert.equal(audit?.detail.fileSha256, sha256(other));
	});
});
