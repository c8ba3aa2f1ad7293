import fs from 'node:fs';
import path from 'node:path';
import type { DemoLoadResult } from '../../common/api/demoContract.js';
import { phantomNotice } from '../../common/phantoms/PhantomStudy.js';
import type { StudyImporter } from '../studies/index.js';
import { generatePhantomStudies } from '../phantoms/generatePhantomStudies.js';

/**
 * Generates `count` phantom studies into the data folder and imports them through the ordinary importer.
 * Seeds 1..count, so loading twice finds duplicates instead of adding patients.
 */
export async function loadDemoStudies(
	importer: StudyImporter,
	dataDir: string,
	count = 20,
	onProgress?: (done: number, total: number) => void,
): Promise<DemoLoadResult> {
	const dir = path.join(dataDir, 'demo-phantoms');
	const truth = generatePhantomStudies({ outDir: dir, count, firstSeed: 1, ...(onProgress ? { onProgress } : {}) });
	const report = await importer.importPaths(
		truth.map((t) => path.join(dir, t.file)),
		'folder',
	);
	// The importer keeps its own copies; the generated files are only a staging area.
	for (const t of truth) fs.rmSync(path.join(dir, t.file), { force: true });
	return {
		studies: truth.length,
		imported: report.imported,
		duplicates: report.duplicates,
		failed: report.failed,
		studyIds: report.studyIds,
		notice: phantomNotice,
	};
}
