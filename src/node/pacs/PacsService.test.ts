import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ApiEvent } from '../../common/api/events.js';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { OrthancPeer } from '../../../test/helpers/OrthancPeer.js';
import { ScriptedAssistant, testImage } from '../../../test/helpers/ScriptedAssistant.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ApiDispatcher } from '../bridge/ApiDispatcher.js';
import { Workstation } from '../workstation/Workstation.js';
import { PacsOrigins } from './PacsOrigins.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';
const standIn = () => ({
	assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Edema: 0.8 })) },
	images: { studyImage: () => Promise.resolve(testImage) },
});

describe('PACS search and retrieve through the workstation, against a real Orthanc', { skip }, () => {
	const dir = tempDir();
	const fixture = (name: string, fields: Record<string, string>) =>
		makeDicomFixture(path.join(dir, 'files', `${name}.dcm`), 'dx16', { date: '20250301', ...fields });
	let orthanc: OrthancPeer;
	let ws: Workstation;
	let api: ApiDispatcher;
	const events: ApiEvent[] = [];
	before(async () => {
		orthanc = await OrthancPeer.start();
		await orthanc.storeFiles([
			fixture('ann-pa', { pid: 'P-A', patient: 'Alpha^Ann', study: '1.2.3.100', view: 'PA' }),
			fixture('ann-ll', { pid: 'P-A', patient: 'Alpha^Ann', study: '1.2.3.100', view: 'LL' }),
			// Two patients of one name: the one on the PACS only, the other also here.
			fixture('same-b', { pid: 'P-B', patient: 'Same^Name', study: '1.2.3.200' }),
			fixture('same-c', { pid: 'P-C', patient: 'Same^Name', study: '1.2.3.300' }),
			// A UID that a local study of another patient holds.
			fixture('clash-y', { pid: 'P-Y', patient: 'Clash^Yves', study: '1.2.3.400' }),
		]);
		ws = new Workstation({ dataDir: path.join(dir, 'data'), shell: 'browser', modelStandIn: standIn() });
		ws.events.subscribe((e) => events.push(e));
		api = new ApiDispatcher(ws.handlers);
		await ws.importer.importPaths([
			fixture('local-c', { pid: 'P-C', patient: 'Same^Name', study: '1.2.3.300' }),
			fixture('local-x', { pid: 'P-X', patient: 'Clash^Xena', study: '1.2.3.400' }),
		]);
		ws.settings.update({
			pacs: {
				connections: [
					{
						id: 'main',
						name: 'Main PACS',
						kind: 'dicomweb',
						baseUrl: orthanc.dicomWebUrl,
						caFile: null,
						auth: { kind: 'none' },
					},
				],
				defaultId: 'main',
				autoFetch: { enabled: false, pacsId: null, modalities: ['DX'], lastHours: 24, everyMinutes: 5 },
			},
		});
	});
	after(async () => {
		await ws?.close();
		await orthanc?.dispose();
	});
	const local = (uid: string) => ws.worklist.studiesByUid([uid])[0];

	test('a search marks local studies, keeps a namesake apart, refuses a UID clash', async () => {
		const hits = (await api.dispatch('pacs.search', { query: { patientName: 'Same' } })) as {
			studyInstanceUid: string;
			patientId: string;
			localStudyId: number | null;
			problem: string | null;
		}[];
		const byUid = new Map(hits.map((h) => [h.studyInstanceUid, h]));
		assert.deepEqual([...byUid.keys()].sort(), ['1.2.3.200', '1.2.3.300']);
		assert.equal(byUid.get('1.2.3.300')?.localStudyId, local('1.2.3.300')?.studyId);
		assert.equal(byUid.get('1.2.3.200')?.localStudyId, null, 'P-B is on the PACS only, whatever her name');
		const [clash] = (await api.dispatch('pacs.search', { query: { studyInstanceUid: '1.2.3.400' } })) as {
			localStudyId: number | null;
			problem: string | null;
		}[];
		assert.equal(clash?.localStudyId, null);
		assert.match(clash?.problem ?? '', /another patient \(ID P-X\)/);
	});

	test('a retrieve brings the study into the worklist with progress in order, its PACS remembered', async () => {
		events.length = 0;
		const r = (await api.dispatch('pacs.retrieve', { studyInstanceUid: '1.2.3.100' })) as {
			jobId: string;
			studyId: number;
			instances: number;
		};
		assert.equal(r.instances, 2);
		const progress = events.flatMap((e) => (e.type === 'progress' && e.jobId === r.jobId ? [e] : []));
		assert.deepEqual(
			progress.map((e) => [e.task, e.label, e.fraction, e.done, e.studyId]),
			[
				['retrieve', 'Retrieving from Main PACS', null, false, null],
				['retrieve', 'Retrieving from Main PACS: 1 of 2 images', 0.5, false, null],
				['retrieve', 'Retrieving from Main PACS: 2 of 2 images', 1, false, null],
				['retrieve', 'Retrieving from Main PACS: 2 of 2 images', 1, true, r.studyId],
			],
		);
		assert.ok(events.some((e) => e.type === 'worklist.changed' && e.studyIds.includes(r.studyId)));
		const rows = ws.worklist.list({ search: 'Alpha', sort: 'imported', direction: 'desc', offset: 0, limit: 10 });
		assert.deepEqual(
			rows.items.map((i) => [i.studyId, i.patientId, i.imageCount]),
			[[r.studyId, 'P-A', 2]],
		);
		assert.equal(new PacsOrigins(ws.db).of(r.studyId), 'main');
		const again = (await api.dispatch('pacs.search', { query: { patientId: 'P-A' } })) as {
			localStudyId: number;
		}[];
		assert.equal(again[0]?.localStudyId, r.studyId);
	});

	test('the other patient of the same name is retrieved as her own study', async () => {
		const r = (await api.dispatch('pacs.retrieve', { pacsId: 'main', studyInstanceUid: '1.2.3.200' })) as {
			studyId: number;
		};
		assert.notEqual(r.studyId, local('1.2.3.300')?.studyId);
		assert.equal(local('1.2.3.200')?.patientId, 'P-B');
		assert.equal(local('1.2.3.300')?.patientId, 'P-C');
	});

	test('a connection test answers in words; an unknown PACS is named', async () => {
		const connection = { id: 't', name: 'Test', kind: 'dicomweb', baseUrl: orthanc.dicomWebUrl };
		assert.deepEqual(await api.dispatch('pacs.test', { connection }), { ok: true, message: 'Connected to Test.' });
		const down = await api.dispatch('pacs.test', {
			connection: { ...connection, baseUrl: 'http://127.0.0.1:9/dicom-web' },
		});
		assert.deepEqual(down, {
			ok: false,
			message: 'The PACS at http://127.0.0.1:9 did not answer (ECONNREFUSED).',
		});
		await assert.rejects(api.dispatch('pacs.search', { pacsId: 'nope', query: {} }), {
			code: 'not_found',
			message: 'No PACS "nope" is set up; check Settings → PACS.',
		});
	});
});
