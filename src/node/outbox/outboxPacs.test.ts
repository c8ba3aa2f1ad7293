// Signed reports go back to a real Orthanc as DICOM SR through the outbox, and wait there while it is down.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultPacsSettings } from '../../common/api/pacsSettings.js';
import { dciodvfyFindings } from '../../../test/helpers/dciodvfyFindings.js';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { OrthancPeer } from '../../../test/helpers/OrthancPeer.js';
import { openOutboxWorkstation, outboxItemsOf, signReport } from '../../../test/helpers/outboxWorkstation.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { Workstation } from '../workstation/Workstation.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';
type DicomJson = Record<string, { Value?: unknown[] }>;

describe('the outbox delivers signed reports to a real Orthanc', { skip }, () => {
	const dir = tempDir('radialog-outbox-pacs-');
	const dataDir = path.join(dir, 'data');
	let orthanc: OrthancPeer;
	let ws: Workstation;
	const study = (n: number) =>
		makeDicomFixture(path.join(dir, `s${n}.dcm`), 'dx16', {
			pid: `P-OUT-${n}`,
			patient: `Outbox^Olga^${n}`,
			study: `1.2.826.0.1.3680043.8.498.77${n}`,
			accession: `ACC77${n}`,
			view: 'PA',
		});
	const files = [1, 2, 3, 4].map(study);

	before(async () => {
		orthanc = await OrthancPeer.start();
		await orthanc.storeFiles(files);
		ws = await openOutboxWorkstation(dataDir);
		usePacsAt(orthanc.dicomWebUrl);
		await ws.importer.importPaths(files);
	});
	after(async () => {
		await ws?.close();
		await orthanc?.dispose();
	});

	const usePacsAt = (baseUrl: string) =>
		ws.settings.update({
			pacs: {
				...defaultPacsSettings,
				connections: [
					{ id: 'main', name: 'Main PACS', kind: 'dicomweb', baseUrl, caFile: null, auth: { kind: 'none' } },
				],
				defaultId: 'main',
			},
		});

	const studyIdOf = (n: number) =>
		(
			ws.db
				.prepare(`SELECT id FROM studies WHERE study_instance_uid = ?`)
				.get(`1.2.826.0.1.3680043.8.498.77${n}`) as {
				id: number;
			}
		).id;

	/** The SR series of a study as Orthanc's own QIDO lists them, oldest first. */
	async function srSeries(n: number): Promise<string[]> {
		const series = await orthanc.rest<DicomJson[]>(
			`/dicom-web/studies/1.2.826.0.1.3680043.8.498.77${n}/series?Modality=SR&includefield=00200011`,
		);
		return series.map((s) => String(s['0020000E']?.Value?.[0]));
	}

	/** The one SR instance of a series, fetched from Orthanc's REST API into a file. */
	async function srFile(seriesUid: string): Promise<string> {
		const all =
			await orthanc.rest<{ ID: string; MainDicomTags: Record<string, string>; ParentSeries: string }[]>(
				'/instances?expand',
			);
		const series = await orthanc.rest<{ ID: string; MainDicomTags: Record<string, string> }[]>('/series?expand');
		const seriesId = series.find((s) => s.MainDicomTags.SeriesInstanceUID === seriesUid)?.ID;
		const instances = all.filter((i) => i.ParentSeries === seriesId);
		assert.equal(instances.length, 1, 'one SR instance in the series: never sent twice');
		const answer = await fetch(`${orthanc.httpUrl}/instances/${instances[0]!.ID}/file`);
		const file = path.join(dir, `${seriesUid}.dcm`);
		fs.writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
		return file;
	}

	/** dcmtk's SR reader: the document tree, all values in full; it must read the file without complaint. */
	const dsrdump = (file: string) => {
		const r = spawnSync('dsrdump', ['+Pl', file], { encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		// This dcmtk build cannot check UTF-8 (ISO_IR 192) values and says so; anything else is a finding.
		const findings = r.stderr.split('\n').filter((l) => l.trim() && !/VR checker does not support/.test(l));
		assert.deepEqual(findings, [], 'dsrdump has no warning or error');
		return r.stdout;
	};

	const dcmdump = (file: string, ...tags: string[]) =>
		execFileSync('dcmdump', [...tags.flatMap((t) => ['+P', t]), file], { encoding: 'utf8' });

	test('signing sends an SR into the same study with the patient, the UIDs and exactly the signed text', async () => {
		const studyId = studyIdOf(1);
		const findings = 'The heart is enlarged. No pleural effusion.';
		const impression = 'Cardiomegaly.';
		await signReport(ws, studyId, findings, impression);
		const [item] = await outboxItemsOf(ws, studyId, (i) => i.some((x) => x.state === 'delivered'));
		assert.equal(item?.destination, 'Main PACS');
		const [seriesUid] = await srSeries(1);
		assert.ok(seriesUid, 'an SR series in the study');
		const file = await srFile(seriesUid);
		const sr = dsrdump(file);
		assert.ok(sr.includes(`="${findings}"`), sr);
		assert.ok(sr.includes(`="${impression}"`), sr);
		assert.match(sr, /Completion Flag\s*: COMPLETE/);
		assert.match(sr, /Verification Flag\s*: VERIFIED/);
		const header = dcmdump(file, '0010,0010', '0010,0020', '0020,000d');
		assert.match(header, /\[Outbox\^Olga\^1\]/);
		assert.match(header, /\[P-OUT-1\]/);
		assert.match(header, /\[1\.2\.826\.0\.1\.3680043\.8\.498\.771\]/);
	});

	test('an addendum sends a second SR that names the first as its predecessor', async () => {
		const studyId = studyIdOf(1);
		const [first] = await srSeries(1);
		await ws.handlers['report.addendum']({ studyId, text: 'Compared with the prior film: unchanged.' });
		await outboxItemsOf(ws, studyId, (i) => i.length === 2 && i.every((x) => x.state === 'delivered'));
		const series = await srSeries(1);
		assert.equal(series.length, 2);
		const second = series.find((s) => s !== first)!;
		const firstFile = await srFile(first!);
		const secondFile = await srFile(second);
		const firstSop = /\[([\d.]+)\]/.exec(dcmdump(firstFile, '0008,0018'))?.[1];
		const predecessors = dcmdump(secondFile, '0040,a360');
		assert.ok(firstSop && predecessors.includes(firstSop), predecessors);
		assert.ok(predecessors.includes(first!), 'the predecessor series is named');
		const sr = dsrdump(secondFile);
		assert.match(sr, /Addendum .*Compared with the prior film: unchanged\./);
		assert.match(sr, /Predecessor Docs\s*: 1/);
		assert.deepEqual(dciodvfyFindings(secondFile).errors, [], 'the superseding SR is a valid Basic Text SR');
		assert.doesNotMatch(dsrdump(firstFile), /Addendum/);
	});

	test('a report signed while the PACS is down waits in the outbox and goes when it is back', async () => {
		const studyId = studyIdOf(2);
		await orthanc.stop();
		await signReport(ws, studyId, 'Clear lungs.', 'No acute disease.');
		const [waiting] = await outboxItemsOf(ws, studyId, (i) => i.some((x) => x.attempts >= 2));
		assert.equal(waiting?.state, 'waiting');
		assert.match(waiting?.lastError ?? '', /did not answer/);
		assert.ok(waiting?.nextTryAt);
		await orthanc.start();
		await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		assert.equal((await srSeries(2)).length, 1);
	});

	test('and when the workstation is restarted while the PACS is down', async () => {
		const studyId = studyIdOf(3);
		await orthanc.stop();
		await signReport(ws, studyId, 'Small left effusion.', 'Pleural effusion.');
		await outboxItemsOf(ws, studyId, (i) => i.some((x) => x.attempts >= 1));
		await ws.close();
		ws = await openOutboxWorkstation(dataDir);
		const [still] = await outboxItemsOf(ws, studyId, (i) => i.length === 1);
		assert.equal(still?.state, 'waiting');
		await orthanc.start();
		await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		assert.equal((await srSeries(3)).length, 1);
		assert.equal((await srSeries(1)).length, 2, 'nothing delivered before was sent again');
	});

	test('a refusal needs attention; Retry now after the fix sends the instance queued at signing', async () => {
		const studyId = studyIdOf(4);
		usePacsAt(`${orthanc.httpUrl}/no-such-service`);
		await signReport(ws, studyId, 'Lines and tubes in place.', 'No pneumothorax.');
		const [refused] = await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'attention');
		assert.match(refused?.lastError ?? '', /refused .*HTTP 404/);
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal((await ws.handlers['outbox.list']({})).items.find((i) => i.id === refused?.id)?.attempts, 1);
		usePacsAt(orthanc.dicomWebUrl);
		await ws.handlers['outbox.retry']({ itemId: refused!.id });
		await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		const [seriesUid] = await srSeries(4);
		const queued = ws.db.prepare(`SELECT instance_uid AS uid FROM outbox_items WHERE id = ?`).get(refused!.id) as {
			uid: string;
		};
		const sop = dcmdump(await srFile(seriesUid!), '0008,0018');
		assert.ok(sop.includes(`[${queued.uid}]`), `${sop} is the SR queued at signing (${queued.uid})`);
	});
});
