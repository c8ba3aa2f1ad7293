// The worklist at 10k / 100k / 1M studies: import growth and every worklist query against a raw SQLite
// query of the same shape on the same database, cold and warm, median of 3 rounds (each round a new process).
// Searches are timed in the imported order against raw SQL, and each in every sort the worklist offers.
// "Cold": the first run of each query on a new connection in a new process (SQLite's page cache empty, the
// schema read again); the operating system's file cache is not dropped (that needs root).
// Run: nice -n 10 npx tsx bench/worklistScale.ts [--quick]   (--quick: 10k studies, 100 imports)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workstation } from '../src/node/workstation/Workstation.js';
import { probeWorklist, type ProbeResult } from './worklistProbe.js';
import { seedWorklist } from './seedWorklist.js';

const quick = process.argv.includes('--quick');
const probeAt = process.argv.indexOf('--probe');
if (probeAt > 0) {
	// A child round: prints its measurements as JSON for the parent.
	process.stdout.write(JSON.stringify(probeWorklist(process.argv[probeAt + 1]!, Number(process.argv[probeAt + 2]))));
	process.exit(0);
}

const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
const imports = quick ? 100 : 1000;
const rounds = 3;
const goalMs = 20;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-wlscale-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const sizeOf = (p: string): number =>
	fs.statSync(p).isDirectory()
		? fs.readdirSync(p).reduce((a, f) => a + sizeOf(path.join(p, f)), 0)
		: fs.statSync(p).size;

function importFolder(dir: string, n: number, tag: string): void {
	fs.mkdirSync(dir);
	const seed = path.join(dir, 'seed.dcm');
	execFileSync('/usr/bin/python3', [path.resolve('test/helpers/makeDicomFixture.py'), seed, 'dx16']);
	execFileSync('/usr/bin/python3', [
		'-c',
		`
import sys, pydicom
src, folder, n, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ds = pydicom.dcmread(src)
for i in range(n):
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = f"2.25.{tag}{i}1"
    ds.StudyInstanceUID = f"2.25.{tag}{i}2"; ds.SeriesInstanceUID = f"2.25.{tag}{i}3"
    ds.PatientID = f"IMP{tag}-{i}"; ds.PatientName = f"Importé^Patient{i}"; ds.AccessionNumber = f"IMPACC{tag}{i}"
    ds.save_as(f"{folder}/{i:05d}.dcm")
`,
		seed,
		dir,
		String(n),
		tag,
	]);
	fs.rmSync(seed);
}

try {
	const w = new Workstation({ dataDir: path.join(tmp, 'data'), shell: 'browser' });
	const dbFile = path.join(tmp, 'data', 'workstation.sqlite');
	w.db.pragma('cache_size = -262144');
	let seeded = 0;
	for (const size of sizes) {
		// Seeded rows plus every import so far make `size` studies.
		const s0 = performance.now();
		const more = size - imports - (w.db.prepare('SELECT count(*) FROM studies').pluck().get() as number);
		seedWorklist(w.db, seeded, seeded + more);
		seeded += more;
		const seedS = (performance.now() - s0) / 1000;
		const folder = path.join(tmp, `import-${size}`);
		importFolder(folder, imports, String(size));
		const rss0 = process.memoryUsage().rss;
		const i0 = performance.now();
		const report = await w.importer.importPaths([folder]);
		const importMs = performance.now() - i0;
		w.db.pragma('wal_checkpoint(TRUNCATE)');
		const studies = w.db.prepare('SELECT count(*) FROM studies').pluck().get() as number;
		const dbBytes = sizeOf(dbFile);
		console.log(
			`${size} studies: seeded ${more} more in ${seedS.toFixed(1)} s; ${report.imported} real imports ` +
				`in ${(importMs / 1000).toFixed(1)} s (${(importMs / report.imported).toFixed(1)} ms each), ` +
				`memory +${mb(process.memoryUsage().rss - rss0)} ` +
				`(peak ${mb(process.resourceUsage().maxRSS * 1024)}), ` +
				`disk: database ${mb(dbBytes)} = ${(dbBytes / studies).toFixed(0)} bytes per study, ` +
				`data folder ${mb(sizeOf(path.join(tmp, 'data')))}`,
		);
		const results: ProbeResult[] = [];
		for (let r = 0; r < rounds; r++) {
			const out = execFileSync(
				process.execPath,
				[...process.execArgv, process.argv[1]!, '--probe', dbFile, String(r)],
				{
					maxBuffer: 64 * 2 ** 20,
				},
			);
			results.push(JSON.parse(out.toString()) as ProbeResult);
		}
		report3(size, studies, results);
	}
	await w.close();
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}

/** One line per query: ours and raw, cold and warm, medians of the rounds; then the worst of each kind. */
function report3(size: number, studies: number, results: ProbeResult[]): void {
	const worst = new Map<string, number>();
	for (const name of Object.keys(results[0]!)) {
		const m = (k: 'oursCold' | 'rawCold' | 'oursWarm' | 'rawWarm') => median(results.map((r) => r[name]![k]));
		const [oc, rc, ow, rw] = [m('oursCold'), m('rawCold'), m('oursWarm'), m('rawWarm')];
		const kind = name.split(' · ')[0]!;
		worst.set(kind, Math.max(worst.get(kind) ?? 0, oc, ow));
		console.log(
			`  ${size} ${name}: cold ${oc.toFixed(2)} ms (raw ${rc.toFixed(2)}, ${(oc / rc).toFixed(1)}×), ` +
				`warm ${ow.toFixed(2)} ms (raw ${rw.toFixed(2)}, ${(ow / rw).toFixed(1)}×)`,
		);
	}
	for (const [kind, ms] of worst)
		console.log(
			`${size} studies (${studies} rows) worst ${kind}: ${ms.toFixed(2)} ms → ` +
				`${ms <= goalMs ? 'met' : 'NOT met'} (goal ≤ ${goalMs} ms)`,
		);
}
