import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DicomWebPacs } from '../../common/api/pacsSettings.js';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { OrthancPeer } from '../../../test/helpers/OrthancPeer.js';
import { expectFixtureSearches, pacsFixtureStudies } from '../../../test/helpers/pacsFixtureStudies.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { DicomWebPacsClient } from './DicomWebPacsClient.js';
import { PacsCredentialsError, PacsUnreachableError } from './PacsErrors.js';

const sha = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');
const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';

function dicomWeb(baseUrl: string, extra: Partial<DicomWebPacs> = {}): DicomWebPacsClient {
	return new DicomWebPacsClient(
		DicomWebPacs.parse({ id: 'main', name: 'Main PACS', kind: 'dicomweb', baseUrl, ...extra }),
	);
}

describe('DICOMweb client against a real Orthanc', { skip }, () => {
	const dir = tempDir();
	let orthanc: OrthancPeer;
	const files = pacsFixtureStudies(dir);
	before(async () => {
		orthanc = await OrthancPeer.start({ users: { reader: 'right' } });
		await orthanc.storeFiles(files);
	});
	after(async () => orthanc?.dispose());
	const client = (): DicomWebPacsClient =>
		dicomWeb(orthanc.dicomWebUrl, { auth: { kind: 'basic', user: 'reader', password: 'right' } });

	test('finds studies by patient, date and modality, with the fields a worklist row needs', async () => {
		await expectFixtureSearches(client);
	});

	test('retrieves every instance of one study byte for byte, counting as it goes', async () => {
		const seen: string[] = [];
		const progress: string[] = [];
		const count = await client().retrieveStudy('1.2.3.100', (bytes, done, total) => {
			seen.push(sha(bytes));
			progress.push(`${done}/${total}`);
			return Promise.resolve();
		});
		assert.equal(count, 2);
		assert.deepEqual(progress, ['1/2', '2/2']);
		assert.deepEqual(
			seen.sort(),
			files
				.slice(0, 2)
				.map((f) => sha(fs.readFileSync(f)))
				.sort(),
		);
	});

	test('retrieves images only: a report SR stored in the study is left on the PACS', async () => {
		const sr = path.join(dir, 'sr.dcm');
		fs.copyFileSync(files[0]!, sr);
		execFileSync('dcmodify', [
			'-nb',
			'-m',
			'(0008,0016)=1.2.840.10008.5.1.4.1.1.88.11',
			'-m',
			'(0008,0018)=1.2.3.100.99',
			sr,
		]);
		await orthanc.storeFiles([sr]);
		assert.equal((await orthanc.rest<string[]>('/instances')).length, 4);
		const count = await client().retrieveStudy('1.2.3.100', () => Promise.resolve());
		assert.equal(count, 2);
	});

	test('stores a file with STOW-RS where Orthanc itself then finds it', async () => {
		const extra = makeDicomFixture(path.join(dir, 'c1.dcm'), 'dx16', {
			pid: 'P-C',
			study: '1.2.3.300',
			sop: '1.2.3.300.1',
		});
		await client().store([fs.readFileSync(extra)]);
		const found = await orthanc.rest<string[]>('/studies');
		assert.equal(found.length, 3);
		assert.equal((await orthanc.rest<string[]>('/instances')).length, 5);
		assert.deepEqual(
			await client()
				.findStudies({ patientId: 'P-C' })
				.then((s) => s.map((x) => x.studyInstanceUid)),
			['1.2.3.300'],
		);
	});

	test('wrong credentials and a stopped PACS are told apart, in words', async () => {
		const wrong = dicomWeb(orthanc.dicomWebUrl, { auth: { kind: 'basic', user: 'reader', password: 'wrong' } });
		await assert.rejects(wrong.echo(), PacsCredentialsError);
		await assert.rejects(dicomWeb('http://127.0.0.1:9/dicom-web').echo(), (error: Error) => {
			assert.ok(error instanceof PacsUnreachableError);
			assert.match(error.message, /did not answer \(ECONNREFUSED\)/);
			return true;
		});
	});
});

/**
 * Debian's Orthanc build resets TLS connections, so HTTPS is tested the way many hospitals run it: a TLS
 * proxy (here Node's https, with a certificate signed by a test CA) in front of the real Orthanc.
 */
describe('DICOMweb over HTTPS with the hospital certificate authority', { skip }, () => {
	const dir = tempDir();
	let orthanc: OrthancPeer;
	let proxy: https.Server;
	let url = '';
	before(async () => {
		const ca = path.join(dir, 'ca');
		const openssl = (...args: string[]): string => execFileSync('openssl', args, { stdio: 'pipe' }).toString();
		openssl(
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=Test Hospital CA',
			'-keyout',
			`${ca}.key`,
			'-out',
			`${ca}.pem`,
		);
		openssl(
			'req',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-subj',
			'/CN=127.0.0.1',
			'-keyout',
			`${dir}/pacs.key`,
			'-out',
			`${dir}/pacs.csr`,
		);
		fs.writeFileSync(`${dir}/ext.cnf`, 'subjectAltName=IP:127.0.0.1\n');
		openssl(
			'x509',
			'-req',
			'-in',
			`${dir}/pacs.csr`,
			'-CA',
			`${ca}.pem`,
			'-CAkey',
			`${ca}.key`,
			'-CAcreateserial',
			'-days',
			'2',
			'-extfile',
			`${dir}/ext.cnf`,
			'-out',
			`${dir}/pacs.crt`,
		);
		orthanc = await OrthancPeer.start();
		const target = new URL(orthanc.httpUrl);
		proxy = https.createServer(
			{ key: fs.readFileSync(`${dir}/pacs.key`), cert: fs.readFileSync(`${dir}/pacs.crt`) },
			(request, response) => {
				const upstream = http.request(
					{
						host: target.hostname,
						port: target.port,
						path: request.url,
						method: request.method,
						headers: request.headers,
					},
					(answer) => {
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(response);
					},
				);
				request.pipe(upstream);
			},
		);
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		url = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}/dicom-web`;
	});
	after(async () => {
		proxy?.close();
		await orthanc?.dispose();
	});

	test('trusts the server only with the CA file configured', async () => {
		await dicomWeb(url, { caFile: path.join(dir, 'ca.pem') }).echo();
		await assert.rejects(dicomWeb(url).echo(), (error: Error) => {
			assert.ok(error instanceof PacsUnreachableError);
			assert.match(error.message, /SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/);
			return true;
		});
	});
});
