import { useState } from 'react';
import type { ImportReport } from '../../../src/common/api/studiesContract.js';

/** Asks for a folder or file path on this machine (browser mode has no native folder picker). */
export function ImportPathDialog({
	onImport,
	onCancel,
	busy,
}: {
	onImport: (path: string) => void;
	onCancel: () => void;
	busy: boolean;
}) {
	const [path, setPath] = useState('');
	return (
		<div className="dialog-backdrop modal-backdrop" role="presentation">
			<form
				className="dialog modal-panel"
				role="dialog"
				aria-label="Import folder"
				data-testid="import-dialog"
				onSubmit={(e) => {
					e.preventDefault();
					if (path.trim()) onImport(path.trim());
				}}
				onKeyDown={(e) => {
					if (e.key === 'Escape') onCancel();
				}}
			>
				<h2>Import folder</h2>
				<p className="muted">
					Folder or file on this computer. Sub-folders and DICOMDIR indexes are read; files that are not DICOM
					images are listed in the report. You can also drop files or folders on the window.
				</p>
				<input
					autoFocus
					type="text"
					value={path}
					onChange={(e) => setPath(e.target.value)}
					placeholder="/media/cdrom or C:\Studies\incoming"
					aria-label="Folder path"
					data-testid="import-path"
				/>
				<div className="dialog-buttons">
					<button type="button" onClick={onCancel}>
						Cancel
					</button>
					<button type="submit" disabled={busy || !path.trim()} data-testid="import-start">
						{busy ? 'Importing…' : 'Import'}
					</button>
				</div>
			</form>
		</div>
	);
}

/** The outcome of an import: counts and one line per file that could not be imported. */
export function ImportReportDialog({ report, onClose }: { report: ImportReport; onClose: () => void }) {
	const studies = `${report.studyIds.length} stud${report.studyIds.length === 1 ? 'y' : 'ies'}`;
	return (
		<div className="dialog-backdrop modal-backdrop" role="presentation">
			<div
				className="dialog modal-panel"
				role="dialog"
				aria-label="Import report"
				data-testid="import-report"
				data-imported={report.imported}
				data-failed={report.failed}
				onKeyDown={(e) => {
					if (e.key === 'Escape') onClose();
				}}
			>
				<h2>Import finished</h2>
				<p data-testid="import-summary">
					{report.imported} image{report.imported === 1 ? '' : 's'} imported into {studies}
					{report.duplicates ? `, ${report.duplicates} already stored` : ''}
					{report.failed ? `, ${report.failed} could not be imported` : ''}.
				</p>
				{report.errors.length > 0 && (
					<ul className="import-errors" data-testid="import-errors">
						{report.errors.slice(0, 500).map((e, i) => (
							<li key={i}>
								<span className="import-error-file">{e.file}</span>: {e.message}
							</li>
						))}
						{report.errors.length > 500 && (
							<li className="muted">…and {report.errors.length - 500} more</li>
						)}
					</ul>
				)}
				<div className="dialog-buttons">
					<button autoFocus onClick={onClose} data-testid="import-report-close">
						Close
					</button>
				</div>
			</div>
		</div>
	);
}
