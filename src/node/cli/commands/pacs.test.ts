import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { makeDicomFixture } from '../../../../test/helpers/dicomFixtures.js';
import { freePort } from '../../../../test/helpers/freePort.js';
import { OrthancPeer } from '../../../../test/helpers/OrthancPeer.js';
import { ScriptedAssistant, testImage } from '../../../../test/helpers/ScriptedAssistant.js';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { Workstation } from '../../workstation/Workstation.js';

const exec = promisify(execFile);
const cli = path.resolve('bin/radialog.mjs');
const radialog = (...args: string[]) => exec(process.execPath, [cli, ...args]);
const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';

/** The CLI's exit code and output where it is expected to fail. */
async function failing(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		await radialog(...args);
	} catch (e) {
		const f = e as { code: number; stdout: string; stderr: string };
		return { code: f.code, stdout: f.stdout, stderr: f.stderr };
	}
	throw new Error(`radialog ${args.join(' ')} succeeded`);
}

/** Signs the study's report through the service layer, as a reader would in the app (models stood in). */
async function draftAndMaybeSign(dataDir: string, studyId: number, sign: boolean): Promise<void> {
	const ws = new Workstation({
		dataDir,
		shell: 'browser',
		modelStandIn: {
			assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Edema: 0.8 })) },
			images: { studyImage: () => Promise.resolve(testImage) },
		},
	});
	try {
		await ws.reporting.reporting.draft(studyId);
		if (!sign) return;
		ws.settings.update({ readerName: 'Dr. Pacs Reader' });
		await ws.reporting.signing.sign(studyId, true);
	} finally {
		await ws.close();
	}
}

describe('radialog pacs against a real Orthanc, over DICOMweb and DIMSE', { skip }, () => {
	const input = tempDir('radialog-cli-pacs-in-');
	let orthanc: OrthancPeer;
	let movePort = 0;
	const protocols = () => [
		{ name: 'DICOMweb', pacs: orthanc.dicomWebUrl, dataDir: tempDir('radialog-cli-pacs-web-') },
		{ name: 'DIMSE', pacs: orthanc.dimseUrl, dataDir: tempDir('radialog-cli-pacs-dimse-') },
	];
	let targets: ReturnType<typeof protocols> = [];
	before(async () => {
		movePort = await freePort();
		orthanc = await OrthancPeer.start({ modalities: [{ aeTitle: 'RADIALOG', port: movePort }] });
		targets = protocols();
		const fixture = (name: string, fields: Record<string, string>) =>
			makeDicomFixture(path.join(input, name), 'dx16', fields);
		await orthanc.storeFiles([
			fixture('a1.dcm', { pid: 'P-A', patient: 'Alpha^Ann', study: '1.2.3.100', date: '20250301', view: 'PA' }),
			fixture('a2.dcm', { pid: 'P-A', patient: 'Alpha^Ann', study: '1.2.3.100', date: '20250301', view: 'LL' }),
			fixture('b1.dcm', { pid: 'P-B', patient: 'Beta^Bob', study: '1.2.3.200', date: '20240101' }),
		]);
	});
	after(async () => orthanc?.dispose());

	test('pacs studies lists the PACS studies as JSON items with StudyInstanceUID, or as a table', async () => {
		for (const { name, pacs } of targets) {
			const { stdout } = await radialog('pacs', 'studies', '--pacs', pacs, '--patient', 'P-A', '--json');
			const { items } = JSON.parse(stdout) as {
				items: {
					StudyInstanceUID: string;
					studyInstanceUid: string;
					patientName: string;
					instanceCount: number;
				}[];
			};
			assert.deepEqual(
				items.map((s) => [s.StudyInstanceUID, s.studyInstanceUid, s.patientName, s.instanceCount]),
				[['1.2.3.100', '1.2.3.100', 'Alpha^Ann', 2]],
				name,
			);
			const recent = await radialog('pacs', 'studies', '--pacs', pacs, '--since', '20240601', '--json');
			const since = JSON.parse(recent.stdout) as { items: { StudyInstanceUID: string }[] };
			assert.deepEqual(
				since.items.map((s) => s.StudyInstanceUID),
				['1.2.3.100'],
				name,
			);
			const table = (await radialog('pacs', 'studies', '--pacs', pacs)).stdout;
			assert.match(table, /^2 studies on /, name);
			assert.match(table, /20250301\s+Alpha\^Ann\s+P-A\s+DX\s+2 img\s+ACC1\s+1\.2\.3\.100/, name);
		}
	});

	test('pacs retrieve brings the study into the worklist, progress on stderr, its studyId on stdout', async () => {
		for (const { name, pacs, dataDir } of targets) {
			const { stdout, stderr } = await radialog(
				'pacs',
				'retrieve',
				'1.2.3.100',
				'--pacs',
				pacs,
				'--data-dir',
				dataDir,
			);
			const studyId = Number(stdout.trim());
			assert.ok(Number.isInteger(studyId) && studyId > 0, `${name}: ${stdout}`);
			assert.match(stderr, /2 of 2 images/, name);
			const list = JSON.parse((await radialog('studies', '--data-dir', dataDir, '--json')).stdout) as {
				items: { studyId: number; patientId: string; imageCount: number }[];
			};
			assert.deepEqual(
				list.items.map((s) => [s.studyId, s.patientId, s.imageCount]),
				[[studyId, 'P-A', 2]],
				name,
			);
		}
	});

	test('pacs retrieve --move-port brings the study with C-MOVE to our AE title', async () => {
		const dataDir = tempDir('radialog-cli-pacs-move-');
		const args = ['--pacs', orthanc.dimseUrl, '--move-port', String(movePort), '--data-dir', dataDir, '--json'];
		const { stdout } = await radialog('pacs', 'retrieve', '1.2.3.200', ...args);
		assert.equal((JSON.parse(stdout) as { instances: number }).instances, 1);
		const list = JSON.parse((await radialog('studies', '--data-dir', dataDir, '--json')).stdout) as {
			items: { patientId: string }[];
		};
		assert.deepEqual(
			list.items.map((s) => s.patientId),
			['P-B'],
		);
	});

	test('pacs send refuses an unsigned report and puts a signed one as SR into the same study', async () => {
		const reports = async () =>
			(await orthanc.rest<unknown[]>('/dicom-web/studies/1.2.3.100/instances?Modality=SR')).length;
		let sent = 0;
		for (const { name, pacs, dataDir } of targets) {
			const studyId = 1;
			const none = await failing('pacs', 'send', String(studyId), '--pacs', pacs, '--data-dir', dataDir);
			assert.equal(none.code, 1, `${name}: no report yet`);
			await draftAndMaybeSign(dataDir, studyId, false);
			const unsigned = await failing('pacs', 'send', String(studyId), '--pacs', pacs, '--data-dir', dataDir);
			assert.equal(unsigned.code, 1, name);
			assert.match(
				unsigned.stderr,
				/^radialog pacs send: The report of study 1 is not signed; .*Nothing was sent\.\n$/,
			);
			assert.equal(await reports(), sent, `${name}: nothing reached the PACS`);

			await draftAndMaybeSign(dataDir, studyId, true);
			const { stdout } = await radialog('pacs', 'send', String(studyId), '--pacs', pacs, '--data-dir', dataDir);
			assert.match(stdout, /Sent the signed report of study 1 to .* as DICOM SR\./, name);
			sent += 1;
			assert.equal(await reports(), sent, `${name}: the SR is in the study`);
			const w = new Workstation({ dataDir, shell: 'browser' });
			try {
				const exports = w.reporting.audit.forStudy(studyId).filter((e) => e.action === 'export');
				const destination = /to (.*) as DICOM SR/.exec(stdout)?.[1];
				assert.deepEqual(
					exports.map((e) => [e.detail['format'], e.detail['destination'], e.detail['status']]),
					[['sr', destination, 'signed']],
					`${name}: the sending is in the audit log`,
				);
			} finally {
				await w.close();
			}
		}
	});

	test('an unreachable PACS and a bad address are one clear line and a non-zero exit code', async () => {
		const down = await failing('pacs', 'studies', '--pacs', 'dicom://NOPACS@127.0.0.1:9', '--json');
		assert.equal(down.code, 1);
		assert.equal(
			down.stderr,
			'radialog pacs studies: The PACS at NOPACS@127.0.0.1:9 did not answer (ECONNREFUSED).\n',
		);
		const web = await failing('pacs', 'studies', '--pacs', 'http://127.0.0.1:9/dicom-web');
		assert.equal(web.code, 1);
		assert.match(web.stderr, /did not answer \(ECONNREFUSED\)/);
		const bad = await failing('pacs', 'studies', '--pacs', 'ftp://pacs');
		assert.equal(bad.code, 2);
		assert.match(bad.stderr, /is not a PACS address/);
		const help = (await radialog('--help')).stdout;
		assert.match(help, /pacs\s+Query, retrieve from and send to a PACS/);
		assert.match(help, /radialog pacs send STUDY_ID --pacs URL/);
	});
});
