import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DimsePacs } from '../../../common/api/pacsSettings.js';
import { makeDicomFixture } from '../../../../test/helpers/dicomFixtures.js';
import { freePort } from '../../../../test/helpers/freePort.js';
import { OrthancPeer } from '../../../../test/helpers/OrthancPeer.js';
import { expectFixtureSearches, pacsFixtureStudies } from '../../../../test/helpers/pacsFixtureStudies.js';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { parseDicomBytes } from '../../dicom/parseDicomBytes.js';
import { openPacsClient } from '../openPacsClient.js';
import { PacsUnreachableError } from '../PacsErrors.js';
import { DimsePacsClient } from './DimsePacsClient.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';

function dimse(port: number, extra: Partial<DimsePacs> = {}): DimsePacsClient {
	return new DimsePacsClient(
		DimsePacs.parse({
			id: 'main',
			name: 'Main PACS',
			kind: 'dimse',
			aeTitle: 'ORTHANC',
			host: '127.0.0.1',
			port,
			ourAeTitle: 'RADIALOG',
			...extra,
		}),
	);
}

/** The data set after the meta header: what the PACS stored, whatever meta header each side writes. */
function dataSet(bytes: Uint8Array): { sop: string; body: string } {
	const buffer = Buffer.from(bytes);
	const ds = parseDicomBytes(buffer, { untilTag: 'x00080018' });
	let end = 132;
	for (const [tag, e] of Object.entries(ds.elements)) if (tag.startsWith('x0002')) end = e.dataOffset + e.length;
	return { sop: ds.string('x00020003') ?? '', body: buffer.subarray(end).toString('hex') };
}

describe('DIMSE client against a real Orthanc', { skip }, () => {
	const dir = tempDir();
	let orthanc: OrthancPeer;
	const files = pacsFixtureStudies(dir);
	before(async () => {
		orthanc = await OrthancPeer.start();
		await orthanc.storeFiles(files);
	});
	after(async () => orthanc?.dispose());
	const client = (): DimsePacsClient => dimse(orthanc.dicomPort);

	test('answers C-ECHO', async () => {
		await client().echo();
	});

	test('finds studies by patient, name, date and modality with C-FIND, the fields a worklist row needs', async () => {
		await expectFixtureSearches(client);
		assert.equal((await client().findStudies({ limit: 1 })).length, 1);
	});

	test('retrieves every instance of one study with C-GET, data sets byte for byte, counting as it goes', async () => {
		const seen: { sop: string; body: string }[] = [];
		const progress: string[] = [];
		const count = await client().retrieveStudy('1.2.3.100', (bytes, done, total) => {
			seen.push(dataSet(bytes));
			progress.push(`${done}/${total}`);
			return Promise.resolve();
		});
		assert.equal(count, 2);
		assert.deepEqual(progress, ['1/2', '2/2']);
		const sort = (list: { sop: string; body: string }[]) => list.sort((a, b) => a.sop.localeCompare(b.sop));
		assert.deepEqual(sort(seen), sort(files.slice(0, 2).map((f) => dataSet(fs.readFileSync(f)))));
		assert.equal(await client().retrieveStudy('9.9.9', () => Promise.resolve()), 0, 'an unknown study');
	});

	test('an image the workstation refuses stops the retrieval with that reason', async () => {
		await assert.rejects(
			client().retrieveStudy('1.2.3.100', () => Promise.reject(new Error('not this patient'))),
			/not this patient/,
		);
		await client().echo();
	});

	test('stores a file with C-STORE where Orthanc itself then finds it', async () => {
		const extra = makeDicomFixture(path.join(dir, 'c1.dcm'), 'dx16', {
			pid: 'P-C',
			study: '1.2.3.300',
			sop: '1.2.3.300.1',
		});
		await client().store([fs.readFileSync(extra)]);
		const found = await orthanc.rest<string[]>('/studies');
		assert.equal(found.length, 3);
		assert.deepEqual(
			await client()
				.findStudies({ patientId: 'P-C' })
				.then((s) => s.map((x) => x.studyInstanceUid)),
			['1.2.3.300'],
		);
		const copies = await Promise.all(
			(await orthanc.rest<string[]>('/instances')).map(async (id) =>
				dataSet(Buffer.from(await (await fetch(`${orthanc.httpUrl}/instances/${id}/file`)).arrayBuffer())),
			),
		);
		assert.deepEqual(
			copies.find((c) => c.sop === '1.2.3.300.1'),
			dataSet(fs.readFileSync(extra)),
			'the data set arrives as written',
		);
	});

	test('a stopped PACS is unreachable, in words', async () => {
		await assert.rejects(dimse(9).echo(), (error: Error) => {
			assert.ok(error instanceof PacsUnreachableError);
			assert.match(error.message, /ORTHANC@127\.0\.0\.1:9 did not answer \(ECONNREFUSED\)/);
			return true;
		});
	});
});

describe('DIMSE C-MOVE to our AE title, against a real Orthanc that knows it', { skip }, () => {
	const dir = tempDir();
	let orthanc: OrthancPeer;
	let movePort = 0;
	const files = [1, 2].map((n) =>
		makeDicomFixture(path.join(dir, `m${n}.dcm`), 'dx16', {
			pid: 'P-M',
			study: '1.2.3.500',
			sop: `1.2.3.500.${n}`,
		}),
	);
	before(async () => {
		movePort = await freePort();
		orthanc = await OrthancPeer.start({ modalities: [{ aeTitle: 'RADIALOG', port: movePort }] });
		await orthanc.storeFiles(files);
	});
	after(async () => orthanc?.dispose());
	const client = (port = movePort) =>
		openPacsClient(
			DimsePacs.parse({
				id: 'main',
				name: 'Main PACS',
				kind: 'dimse',
				aeTitle: 'ORTHANC',
				host: '127.0.0.1',
				port: orthanc.dicomPort,
				ourAeTitle: 'RADIALOG',
				retrieveWith: 'c-move',
			}),
			{ movePort: port },
		);

	test('the images come to our port, data sets byte for byte, counted before the first', async () => {
		const seen: { sop: string; body: string }[] = [];
		const progress: string[] = [];
		const count = await client().retrieveStudy('1.2.3.500', (bytes, done, total) => {
			seen.push(dataSet(bytes));
			progress.push(`${done}/${total}`);
			return Promise.resolve();
		});
		assert.equal(count, 2);
		assert.deepEqual(progress, ['1/2', '2/2']);
		const sort = (list: { sop: string; body: string }[]) => list.sort((a, b) => a.sop.localeCompare(b.sop));
		assert.deepEqual(sort(seen), sort(files.map((f) => dataSet(fs.readFileSync(f)))));
	});

	test('a refused image fails the move with its reason; a busy port is said in words', async () => {
		await assert.rejects(
			client().retrieveStudy('1.2.3.500', () => Promise.reject(new Error('not this patient'))),
			/not this patient/,
		);
		const busy = net.createServer();
		await new Promise<void>((resolve) => busy.listen(movePort, resolve));
		try {
			await assert.rejects(
				client().retrieveStudy('1.2.3.500', () => Promise.resolve()),
				/Cannot receive the moved images on port/,
			);
		} finally {
			busy.close();
		}
	});
});
