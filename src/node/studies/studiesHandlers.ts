import type { ApiHandlers } from '../../common/api/contract.js';
import { ApiError } from '../../common/api/errors.js';
import type { ImportFileError, ImportReport } from '../../common/api/studiesContract.js';
import type { SqliteStudyStore } from '../store/SqliteStudyStore.js';
import type { StudyImporter } from './StudyImporter.js';
import type { StudyService } from './StudyService.js';

type StudiesMethods = 'import.paths' | 'import.upload' | 'import.recent' | 'study.get' | 'image.frame';

/** The API's import, study and image calls; studiesModule returns these. */
export function studiesHandlers(w: {
	importer: StudyImporter;
	studies: StudyService;
	/** The import log. */
	imports: Pick<SqliteStudyStore, 'recentImports'>;
}): Pick<ApiHandlers, StudiesMethods> {
	return {
		'import.paths': async ({ paths }) => w.importer.importPaths(paths, 'folder'),
		'import.upload': async ({ names, sizes, bytes }) => {
			let offset = 0;
			const items = names.map((name, i) => {
				const item = { name, bytes: bytes.subarray(offset, offset + sizes[i]!) };
				offset += sizes[i]!;
				return item;
			});
			const report: ImportReport = await w.importer.importItems(items, 'upload');
			return report;
		},
		'import.recent': ({ limit }) =>
			Promise.resolve(
				w.imports.recentImports(limit).map((r) => ({
					jobId: r.job_id,
					source: r.source,
					startedAt: r.started_at,
					finishedAt: r.finished_at,
					files: r.files,
					imported: r.imported,
					duplicates: r.duplicates,
					failed: r.failed,
					errors: r.report_json ? (JSON.parse(r.report_json) as ImportFileError[]) : [],
				})),
			),
		'study.get': ({ studyId }) => Promise.resolve(w.studies.get(studyId)),
		'image.frame': async ({ instanceId, frame }) => {
			try {
				return await w.studies.frame(instanceId, frame);
			} catch (err) {
				if (err instanceof ApiError) throw err;
				throw new ApiError('unavailable', `The image cannot be shown: ${(err as Error).message}`);
			}
		},
	};
}
