import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PriorStudy } from '../../common/api/priorsContract.js';
import type { PacsSettings } from '../../common/api/pacsSettings.js';
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
const pacsAt = (baseUrl: string): PacsSettings => ({
	connections: [{ id: 'main', name: 'Main PACS', kind: 'dicomweb', baseUrl, caFile: null, auth: { kind: 'none' } }],
	defaultId: 'main',
	autoFetch: { enabled: false, pacsId: null, modalities: ['DX'], lastHours: 24, everyMinutes: 5 },
});

describe('priors on the PACS beside the local ones, against a real Orthanc', { skip }, () => {
	const dir = tempDir();
	const jane = { pid: 'P-J', patient: 'Doe^Jane' };
	const fixture = (name: string, fields: Record<string, string>) =>
		makeDicomFixture(path.join(dir, 'files', `${name}.dcm`), 'dx16', fields);
	let orthanc: OrthancPeer;
	let ws: Workstation;
	let api: ApiDispatcher;
	let current: number;
	before(async () => {
		orthanc = await OrthancPeer.start();
		await orthanc.storeFiles([
			fixture('current', { ...jane, study: '1.2.3.1', date: '20250110' }),
			fixture('on-pacs', { ...jane, study: '1.2.3.10', date: '20240101', description: 'PACS PRIOR' }),
			fixture('both', { ...jane, study: '1.2.3.11', date: '20230101' }),
			// Another woman of the same name, and the same ID from another hospital: never Jane's priors.
			fixture('namesake', { pid: 'P-K', patient: 'Doe^Jane', study: '1.2.3.20', date: '20240202' }),
			fixture('elsewhere', { ...jane, issuer: 'OTHER HOSPITAL', study: '1.2.3.30', date: '20240303' }),
		]);
		ws = new Workstation({
			dataDir: path.join(dir, 'data'),
			shell: 'browser',
			modelStandIn: standIn(),
			priorsPacsTimeoutMs: 1000,
		});
		api = new ApiDispatcher(ws.handlers);
		await ws.importer.importPaths([
			fixture('current-here', { ...jane, study: '1.2.3.1', date: '20250110' }),
			fixture('both-here', { ...jane, study: '1.2.3.11', date: '20230101' }),
		]);
		current = ws.worklist.studiesByUid(['1.2.3.1'])[0]!.studyId;
		ws.settings.update({ pacs: pacsAt(orthanc.dicomWebUrl) });
	});
	after(async () => {
		await ws?.close();
		await orthanc?.dispose();
	});
	const list = async () =>
		(await api.dispatch('priors.list', { studyId: current })) as {
			priors: PriorStudy[];
			notes?: string[];
		};
	const where = (priors: PriorStudy[]) => priors.map((p) => [p.studyInstanceUid, p.source]);

	test('the same patient’s PACS study is listed as on the PACS; a local one once; namesakes never', async () => {
		const { priors, notes } = await list();
		assert.deepEqual(where(priors), [
			['1.2.3.10', 'pacs'],
			['1.2.3.11', 'local'],
		]);
		assert.deepEqual(notes, []);
		const onPacs = priors[0]!;
		assert.deepEqual(
			[onPacs.studyId, onPacs.studyDate, onPacs.description, onPacs.modality, onPacs.pacsId, onPacs.report],
			[null, '20240101', 'PACS PRIOR', 'DX', 'main', null],
		);
	});

	test('the PACS the study came from is asked, not the default; removed, the default', async () => {
		const down = { ...pacsAt('http://127.0.0.1:9/dicom-web').connections[0]!, id: 'down', name: 'Old PACS' };
		const both = pacsAt(orthanc.dicomWebUrl);
		ws.settings.update({ pacs: { ...both, connections: [...both.connections, down], defaultId: 'down' } });
		try {
			const byDefault = await list();
			assert.deepEqual(where(byDefault.priors), [['1.2.3.11', 'local']]);
			assert.equal(byDefault.notes?.length, 1, 'the default PACS is down');
			new PacsOrigins(ws.db).remember(current, 'main');
			const byOrigin = await list();
			assert.deepEqual(where(byOrigin.priors), [
				['1.2.3.10', 'pacs'],
				['1.2.3.11', 'local'],
			]);
			assert.deepEqual(byOrigin.notes, []);
			new PacsOrigins(ws.db).remember(current, 'removed');
			ws.settings.update({ pacs: { ...both, connections: [both.connections[0]!] } });
			assert.deepEqual(where((await list()).priors), [
				['1.2.3.10', 'pacs'],
				['1.2.3.11', 'local'],
			]);
		} finally {
			ws.settings.update({ pacs: pacsAt(orthanc.dicomWebUrl) });
		}
	});

	test('a PACS prior retrieved is then listed as local, once', async () => {
		const r = (await api.dispatch('pacs.retrieve', { pacsId: 'main', studyInstanceUid: '1.2.3.10' })) as {
			studyId: number;
		};
		const { priors } = await list();
		assert.deepEqual(where(priors), [
			['1.2.3.10', 'local'],
			['1.2.3.11', 'local'],
		]);
		assert.equal(priors[0]!.studyId, r.studyId);
	});

	test('a PACS that hangs: the local priors within the timeout, and a note saying so', async () => {
		// Accepts connections and never answers, as a PACS stuck under load.
		const held: net.Socket[] = [];
		const silent = net.createServer((s) => held.push(s));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const { port } = silent.address() as net.AddressInfo;
		ws.settings.update({ pacs: pacsAt(`http://127.0.0.1:${port}/dicom-web`) });
		try {
			const started = Date.now();
			const { priors, notes } = await list();
			assert.ok(Date.now() - started < 5000, 'the list does not wait for the PACS');
			assert.deepEqual(where(priors), [
				['1.2.3.10', 'local'],
				['1.2.3.11', 'local'],
			]);
			assert.deepEqual(notes, ['PACS not reachable: no answer within 1 s.']);
		} finally {
			ws.settings.update({ pacs: pacsAt(orthanc.dicomWebUrl) });
			for (const s of held) s.destroy();
			silent.close();
		}
	});

	test('the PACS stopped: the local priors are still listed, with a plain note', async () => {
		await orthanc.stop();
		const { priors, notes } = await list();
		assert.deepEqual(where(priors), [
			['1.2.3.10', 'local'],
			['1.2.3.11', 'local'],
		]);
		assert.equal(notes?.length, 1);
		assert.match(notes[0]!, /^PACS not reachable: The PACS at http:\/\/127\.0\.0\.1:\d+ did not answer/);
	});

	test('no PACS set up: the local priors, no note', async () => {
		ws.settings.update({ pacs: { ...pacsAt(''), connections: [], defaultId: null } });
		const { priors, notes } = await list();
		assert.equal(priors.length, 2);
		assert.deepEqual(notes, []);
	});
});
