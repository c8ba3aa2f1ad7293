// Retrieval from a PACS into the worklist against the plain tools on the same real Orthanc: our C-GET
// (DimsePacsClient + PacsRetrieval + the importer) against dcmtk's getscu, and our WADO-RS retrieval against
// curl fetching the same instance URLs. One study after another, fresh storage every round, the four
// alternated; medians over the rounds, printed as throughput ratios (ours / tool).
// Run: npx tsx bench/retrieve.ts [--quick] [--rounds 3] [--studies 20]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePacsAddress } from '../src/node/pacs/index.js';
import { openPacsClient } from '../src/node/pacs/openPacsClient.js';
import { PacsOrigins } from '../src/node/pacs/PacsOrigins.js';
import { PacsRetrieval } from '../src/node/pacs/PacsRetrieval.js';
import { Workstation } from '../src/node/workstation/Workstation.js';
import { makeDicomFixture } from '../test/helpers/dicomFixtures.js';
import { OrthancPeer } from '../test/helpers/OrthancPeer.js';

const quick = process.argv.includes('--quick');
const arg = (name: string) => {
	const i = process.argv.indexOf(name);
	return i < 0 ? undefined : process.argv[i + 1];
};
const rounds = Number(arg('--rounds')) || (quick ? 1 : 3);
const studyCount = Number(arg('--studies')) || (quick ? 2 : 20);
const size = quick ? 128 : 512;
const perStudy = 2;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-bench-retrieve-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// dcmtk (in Orthanc and getscu) waits on Nagle's algorithm for its small DIMSE writes unless told not to:
// every C-GET image would then cost two delayed ACKs (~80 ms) whichever client asks. Set as storescu's is.
process.env.TCP_NODELAY = '1';
const wadoAccept = 'Accept: multipart/related; type="application/dicom"; transfer-syntax=*';

function tool(command: string, args: string[]): Promise<void> {
	const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	child.stderr.on('data', (d: Buffer) => (err += d.toString()));
	return new Promise((resolve, reject) =>
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${err}`)))),
	);
}

/** Our retrieval of every study into a fresh worklist; wall time in ms. */
async function ours(address: string, uids: readonly string[], round: string): Promise<number> {
	const w = new Workstation({ dataDir: path.join(tmp, round), shell: 'browser' });
	try {
		const retrieval = new PacsRetrieval({
			images: w.importer,
			origins: new PacsOrigins(w.db),
			clientFor: openPacsClient,
		});
		const connection = parsePacsAddress(address, 'BENCH');
		const t0 = performance.now();
		for (const uid of uids) await retrieval.retrieve(connection, uid, `bench-${uid}`);
		return performance.now() - t0;
	} finally {
		await w.close();
	}
}

async function getscu(orthanc: OrthancPeer, uids: readonly string[], round: string): Promise<number> {
	const out = path.join(tmp, round);
	fs.mkdirSync(out, { recursive: true });
	const t0 = performance.now();
	for (const uid of uids) {
		const keys = ['-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${uid}`];
		await tool('getscu', [
			'-S',
			'-aet',
			'BENCH',
			'-aec',
			orthanc.aeTitle,
			'-od',
			out,
			...keys,
			'127.0.0.1',
			String(orthanc.dicomPort),
		]);
	}
	const ms = performance.now() - t0;
	if (fs.readdirSync(out).length !== uids.length * perStudy) throw new Error('getscu did not bring every image.');
	return ms;
}

/** curl, one process per study like one association: the instance list (QIDO), then each instance. */
async function curl(orthanc: OrthancPeer, urls: Map<string, string[]>, round: string): Promise<number> {
	const out = path.join(tmp, round);
	fs.mkdirSync(out, { recursive: true });
	const t0 = performance.now();
	let n = 0;
	for (const [uid, instances] of urls) {
		const args = ['-sf', '-o', '/dev/null', `${orthanc.dicomWebUrl}/studies/${uid}/instances`, '--next', '-sf'];
		args.push('-H', wadoAccept);
		for (const url of instances) args.push(url, '-o', path.join(out, `${n++}.multipart`));
		await tool('curl', args);
	}
	const ms = performance.now() - t0;
	if (fs.readdirSync(out).length !== n) throw new Error('curl did not bring every image.');
	return ms;
}

async function main(): Promise<void> {
	if (!OrthancPeer.available()) throw new Error('Orthanc is not installed.');
	const orthanc = await OrthancPeer.start();
	try {
		const uids: string[] = [];
		const files: string[] = [];
		for (let s = 0; s < studyCount; s++) {
			const study = `1.2.826.0.1.3680043.10.1373.9.${s + 1}`;
			uids.push(study);
			for (let i = 0; i < perStudy; i++) {
				const fields = { study, pid: `B-${s}`, sop: `${study}.${i + 1}`, rows: size, cols: size };
				files.push(makeDicomFixture(path.join(tmp, 'in', `${s}-${i}.dcm`), 'dx16', fields));
			}
		}
		await orthanc.storeFiles(files);
		const megabytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1e6;
		const urls = new Map<string, string[]>();
		for (const uid of uids) {
			const list = await orthanc.rest<Record<string, { Value?: string[] }>[]>(
				`/dicom-web/studies/${uid}/instances`,
			);
			urls.set(
				uid,
				list.map((i) => {
					const [series, sop] = [i['0020000E']?.Value?.[0], i['00080018']?.Value?.[0]];
					return `${orthanc.dicomWebUrl}/studies/${uid}/series/${series}/instances/${sop}`;
				}),
			);
		}
		console.log(
			`retrieve bench: ${studyCount} studies, ${files.length} images ${size}×${size} 16-bit, ` +
				`${megabytes.toFixed(1)} MB, ${rounds} round(s), Orthanc on loopback`,
		);
		const times: Record<string, number[]> = { web: [], curl: [], dimse: [], getscu: [] };
		for (let r = 0; r < rounds; r++) {
			// Alternated: each method goes first in turn, so a warm cache favours none of them.
			const runs: [string, () => Promise<number>][] = [
				['web', () => ours(orthanc.dicomWebUrl, uids, `web-${r}`)],
				['curl', () => curl(orthanc, urls, `curl-${r}`)],
				['dimse', () => ours(orthanc.dimseUrl, uids, `dimse-${r}`)],
				['getscu', () => getscu(orthanc, uids, `getscu-${r}`)],
			];
			for (let k = 0; k < runs.length; k++) {
				const [name, run] = runs[(k + r) % runs.length]!;
				times[name]!.push(await run());
			}
		}
		const line = (label: string, name: string) => {
			const ms = median(times[name]!);
			const s = ms / 1000;
			console.log(
				`${label}: median ${(studyCount / s).toFixed(2)} studies/s, ${(megabytes / s).toFixed(1)} MB/s ` +
					`(${Math.round(ms)} ms for all)`,
			);
			return s;
		};
		const web = line('DICOMweb, ours (WADO-RS into the worklist)', 'web');
		const curlS = line('DICOMweb, curl (same WADO-RS URLs, to files)', 'curl');
		const dimse = line('DIMSE, ours (C-GET into the worklist)', 'dimse');
		const getscuS = line('DIMSE, dcmtk getscu (C-GET, to files)', 'getscu');
		const ratio = (a: number, b: number) => (b / a).toFixed(2);
		console.log(`DICOMweb throughput: ${ratio(web, curlS)}× curl over ${rounds} round(s)`);
		console.log(`DIMSE throughput: ${ratio(dimse, getscuS)}× getscu over ${rounds} round(s)`);
	} finally {
		await orthanc.dispose();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

await main();
