import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs } from '../parseArgs.js';
import { terminalText } from '../terminalText.js';

export const summary = 'List the worklist: radialog studies [--search S] [--limit N] [--data-dir D] [--json]';

export async function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, {
		json: { type: 'boolean' },
		search: { type: 'string' },
		limit: { type: 'string' },
	});
	const w = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const limit = Math.max(1, Math.min(1000, Number(values.limit ?? 100) || 100));
		const page = w.worklist.list({
			sort: 'imported',
			direction: 'desc',
			offset: 0,
			limit,
			...(values.search ? { search: values.search } : {}),
		});
		if (values.json) {
			console.log(JSON.stringify(page, null, 2));
			return 0;
		}
		console.log(
			`${page.total} stud${page.total === 1 ? 'y' : 'ies'}` +
				(page.total > page.items.length ? ` (first ${page.items.length})` : ''),
		);
		for (const s of page.items) {
			const line = [
				String(s.studyId).padStart(6),
				(s.studyDate ?? '').padEnd(8),
				s.patientName.padEnd(28).slice(0, 28),
				s.patientId.padEnd(12),
				(s.modality ?? '').padEnd(3),
				`${s.imageCount} img`,
				s.views.join('/'),
				s.status,
			].join('  ');
			// Names and ids come from the DICOM files: nothing in them may drive the terminal.
			console.log(terminalText(line));
		}
		return 0;
	} finally {
		await w.close();
	}
}
