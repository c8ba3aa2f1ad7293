import { useState } from 'react';
import type { ImportReport } from '../../../src/common/api/studiesContract.js';
import { useClient } from '../api/ClientContext.js';
import { readDroppedFiles, uploadBatches } from './readDroppedFiles.js';

/**
 * Importing into the worklist: a folder by its path, files dropped on the list (uploaded in batches) or the
 * demo studies; what the import dialog shows (`importing`), the last report and the last error.
 */
export function useWorklistImport() {
	const { api } = useClient();
	const [importing, setImporting] = useState<'dialog' | 'busy' | null>(null);
	const [report, setReport] = useState<ImportReport | null>(null);
	const [importError, setImportError] = useState<string | null>(null);
	const [demoBusy, setDemoBusy] = useState(false);

	const importPath = async (path: string) => {
		setImporting('busy');
		setImportError(null);
		try {
			setReport(await api['import.paths']({ paths: [path] }));
			setImporting(null);
		} catch (e) {
			setImportError((e as Error).message);
			setImporting('dialog');
		}
	};

	const loadDemo = async () => {
		setDemoBusy(true);
		setImportError(null);
		try {
			const r = await api['demo.load']({ count: 20 });
			setReport({
				jobId: 'demo',
				files: r.studies,
				imported: r.imported,
				duplicates: r.duplicates,
				failed: r.failed,
				studyIds: r.studyIds,
				errors: [],
			});
		} catch (e) {
			setImportError((e as Error).message);
		} finally {
			setDemoBusy(false);
		}
	};

	const importDropped = async (data: DataTransfer) => {
		setImportError(null);
		const files = await readDroppedFiles(data);
		if (!files.length) return;
		let merged = null as ImportReport | null;
		try {
			for (const batch of uploadBatches(files)) {
				const bytes = new Uint8Array(await new Blob(batch).arrayBuffer());
				const r: ImportReport = await api['import.upload']({
					names: batch.map((f) => f.name),
					sizes: batch.map((f) => f.size),
					bytes,
				});
				merged = merged ? mergeReports(merged, r) : r;
			}
			setReport(merged);
		} catch (e) {
			setImportError((e as Error).message);
		}
	};

	return { importing, setImporting, report, setReport, importError, demoBusy, importPath, loadDemo, importDropped };
}

/** One report for several upload batches. */
function mergeReports(a: ImportReport, b: ImportReport): ImportReport {
	return {
		...a,
		files: a.files + b.files,
		imported: a.imported + b.imported,
		duplicates: a.duplicates + b.duplicates,
		failed: a.failed + b.failed,
		studyIds: [...new Set([...a.studyIds, ...b.studyIds])],
		errors: [...a.errors, ...b.errors],
	};
}
