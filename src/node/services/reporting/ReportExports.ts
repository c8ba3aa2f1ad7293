import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from '../../../common/api/reportContract.js';
import { instructRecords, type StoredCase } from '../../export/datasetExport.js';
import { datasetGzip } from '../../dataset/writeDatasetFile.js';
import { fhirExport } from '../../export/fhirExport.js';
import { handoutPdf } from '../../export/handoutPdf.js';
import { hl7Export } from '../../export/hl7Export.js';
import { pdfExport } from '../../export/pdfExport.js';
import type { ReportDocument } from '../../export/ReportDocument.js';
import { srExport } from '../../export/srExport.js';
import { textExport } from '../../export/textExport.js';
import type { ReportingService } from './ReportingService.js';
import { ExportFolderMissingError, ReportNotFoundError } from './ReportingErrors.js';

const extensions: Record<ExportFormat, string> = {
	pdf: 'report.pdf',
	text: 'report.txt',
	sr: 'report-sr.dcm',
	fhir: 'report.fhir.json',
	hl7: 'report.hl7',
	handout: 'patient-handout.pdf',
};

/** Writes a file whole or not at all: a kill mid-export never leaves half a PDF with the final name. */
function writeAtomic(file: string, bytes: Uint8Array | string): void {
	const tmp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, bytes);
	fs.renameSync(tmp, file);
}

function safeName(s: string): string {
	return (
		s
			.replace(/[^A-Za-z0-9._-]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 60) || 'unknown'
	);
}

/** Exports of reports and handouts to the configured folder, and the instruct dataset; each one audited. */
export class ReportExports {
	constructor(
		private readonly reporting: ReportingService,
		private readonly keyImagePng?: (studyId: number) => Promise<Uint8Array | null>,
	) {}

	document(studyId: number): ReportDocument {
		const r = this.reporting;
		const report = r.store.report(studyId);
		if (!report) throw new ReportNotFoundError();
		const study = r.studies.get(studyId);
		return {
			reportId: report.id,
			versionNo: report.versionNo,
			status: report.status,
			findings: report.findings,
			impression: report.impression,
			signedBy: report.signedBy,
			signedAt: report.signedAt,
			addenda: r.store.addenda(report.id),
			aiGenerated: report.aiGenerated,
			modelNotice: report.modelNotice,
			acceptedFindings: r.store
				.findings(studyId)
				.filter((f) => f.positive)
				.map((f) => f.label),
			study,
			instances: r.studies.instances(studyId),
			exportedAt: new Date().toISOString(),
		};
	}

	private folder(override?: string): string {
		const folder = override ?? this.reporting.settings.get().exportFolder;
		if (!folder) throw new ExportFolderMissingError();
		fs.mkdirSync(folder, { recursive: true });
		return folder;
	}

	async export(
		studyId: number,
		formats: readonly ExportFormat[],
		o: { includeKeyImage?: boolean } = {},
	): Promise<{ format: ExportFormat; path: string }[]> {
		const doc = this.document(studyId);
		const folder = this.folder();
		const stem = `${safeName(doc.study.patientId)}_${safeName(doc.study.accessionNumber ?? `study${studyId}`)}${doc.status === 'signed' ? '' : '_DRAFT'}`;
		const files: { format: ExportFormat; path: string }[] = [];
		for (const format of [...new Set(formats)]) {
			const file = path.join(folder, `${stem}_${extensions[format]}`);
			writeAtomic(file, await this.render(studyId, doc, format, o.includeKeyImage ?? false));
			files.push({ format, path: file });
			this.reporting.audit.record({
				studyId,
				reportId: doc.reportId,
				actor: this.reporting.reader() || 'reader',
				action: 'export',
				detail: { format, file, status: doc.status, version: doc.versionNo },
			});
		}
		return files;
	}

	private async render(
		studyId: number,
		doc: ReportDocument,
		format: ExportFormat,
		keyImage: boolean,
	): Promise<Uint8Array | string> {
		switch (format) {
			case 'text':
				return textExport(doc);
			case 'sr':
				return srExport(doc);
			case 'fhir':
				return JSON.stringify(fhirExport(doc), null, 2) + '\n';
			case 'hl7':
				return hl7Export(doc);
			case 'pdf': {
				const png = keyImage && this.keyImagePng ? await this.keyImagePng(studyId) : null;
				return pdfExport(doc, png ? { keyImagePng: png } : {});
			}
			case 'handout': {
				const h = this.reporting.store.handout(studyId);
				if (!h)
					throw new ReportNotFoundError('Write or generate the easy-language text for the patient first.');
				return handoutPdf(doc, h);
			}
		}
	}

	/** Corrections and conversations of every study as a RaDialog-instruct `.json.gz` in the export folder. */
	exportDataset(outFolder?: string): { path: string; records: number } {
		const r = this.reporting;
		const rows = r.store.db
			.prepare(
				`SELECT id, study_ref AS studyId, draft_prompt AS draftPrompt, status, findings_text AS findings FROM reports
			WHERE kind = 'report' AND draft_prompt IS NOT NULL ORDER BY id`,
			)
			.all() as { id: number; studyId: number; draftPrompt: string; status: string; findings: string }[];
		const cases: StoredCase[] = rows.map((row) => {
			const turns = r.store.turns(row.studyId);
			const pairs: StoredCase['turns'][number][] = [];
			for (let i = 0; i + 1 < turns.length; i++) {
				const q = turns[i]!,
					a = turns[i + 1]!;
				if (q.role === 'user' && a.role === 'assistant')
					pairs.push({ prompt: q.prompt ?? q.text, report: q.reportText ?? row.findings, answer: a.text });
			}
			return {
				dicom:
					r.studies.instances(row.studyId)[0]?.sopInstanceUid ?? r.studies.get(row.studyId).studyInstanceUid,
				draftPrompt: row.draftPrompt,
				signedFindings: row.status === 'signed' ? row.findings : null,
				corrections: r.store.corrections(row.id),
				turns: pairs,
			};
		});
		const records = instructRecords(cases);
		const file = path.join(
			this.folder(outFolder),
			`radialog-instruct-corrections-${new Date().toISOString().replace(/[:.]/g, '-')}.json.gz`,
		);
		writeAtomic(file, datasetGzip(records));
		r.audit.record({
			studyId: null,
			actor: r.reader() || 'reader',
			action: 'dataset_export',
			detail: { file, records: records.length, studies: cases.length },
		});
		return { path: file, records: records.length };
	}
}
