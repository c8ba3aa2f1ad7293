import fs from 'node:fs';
import path from 'node:path';
import { defaultHl7Settings } from '../../common/api/appContract.js';
import type { ExportFormat } from '../../common/api/reportContract.js';
import { checkAgainstReport, reportParts } from '../../common/faithfulness/index.js';
import { datasetGzip } from '../dataset/writeDatasetFile.js';
import { instructRecords } from './datasetExport.js';
import type { ExportDependencies } from './ExportDependencies.js';
import { ExportFolderMissingError, ExportFolderNotAbsoluteError, HandoutMissingError } from './ExportErrors.js';
import { fhirExport } from './fhirExport.js';
import { HandoutContradictsReportError } from './HandoutContradictsReportError.js';
import type { ReportDocument } from './ReportDocument.js';
import { textExport } from './textExport.js';
import { writeFileAtomically } from './writeFileAtomically.js';

const extensions: Record<ExportFormat, string> = {
	pdf: 'report.pdf',
	text: 'report.txt',
	sr: 'report-sr.dcm',
	fhir: 'report.fhir.json',
	hl7: 'report.hl7',
	handout: 'patient-handout.pdf',
};

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
	constructor(private readonly d: ExportDependencies) {}

	private reader(): string {
		return this.d.reader.readerName().trim() || 'reader';
	}

	/** The report with the reader at the workstation and their credentials, for the signature lines. */
	private document(studyId: number): ReportDocument {
		const doc = this.d.reports.document(studyId);
		return { ...doc, reader: { name: this.d.reader.readerName(), credentials: this.d.readerCredentials().trim() } };
	}

	private folder(override?: string): string {
		const folder = override ?? this.d.exportFolder();
		if (!folder) throw new ExportFolderMissingError();
		// A relative folder would resolve against wherever the app was started: the install folder.
		if (!path.isAbsolute(folder)) throw new ExportFolderNotAbsoluteError(folder);
		fs.mkdirSync(folder, { recursive: true });
		return folder;
	}

	async export(
		studyId: number,
		formats: readonly ExportFormat[],
		o: { includeKeyImage?: boolean; handoutOverride?: { reason: string } } = {},
	): Promise<{ format: ExportFormat; path: string }[]> {
		const doc = this.document(studyId);
		const folder = this.folder();
		// Checked before any file is written: a refused handout stops the whole export.
		if (formats.includes('handout')) this.checkHandout(studyId, doc, o.handoutOverride);
		const accession = safeName(doc.study.accessionNumber ?? `study${studyId}`);
		const stem = `${safeName(doc.study.patientId)}_${accession}${doc.status === 'signed' ? '' : '_DRAFT'}`;
		const files: { format: ExportFormat; path: string }[] = [];
		for (const format of [...new Set(formats)]) {
			const file = path.join(folder, `${stem}_${extensions[format]}`);
			writeFileAtomically(file, await this.render(studyId, doc, format, o.includeKeyImage ?? false));
			files.push({ format, path: file });
			this.d.audit.record({
				studyId,
				reportId: doc.reportId,
				actor: this.reader(),
				action: 'export',
				detail: { format, file, status: doc.status, version: doc.versionNo },
			});
		}
		return files;
	}

	/** The handout against the report as it stands now; an override is audited with its reason. */
	private checkHandout(studyId: number, doc: ReportDocument, override?: { reason: string }): void {
		const h = this.d.reports.handout(studyId);
		if (!h) throw new HandoutMissingError();
		const contradictions = checkAgainstReport(reportParts(doc, doc.addenda), h.text);
		if (!contradictions.length) return;
		const reason = override?.reason.trim();
		if (!reason) throw new HandoutContradictsReportError(contradictions);
		this.d.audit.record({
			studyId,
			reportId: doc.reportId,
			actor: this.reader(),
			action: 'handout_override',
			detail: { reason, contradictions, version: doc.versionNo },
		});
	}

	private async render(
		studyId: number,
		doc: ReportDocument,
		format: ExportFormat,
		keyImage: boolean,
	): Promise<Uint8Array | string> {
		// The writers of PDF, SR and HL7 (pdf-lib and its fonts, dcmjs, Medplum) load at the first export of
		// their format, not with the workstation.
		switch (format) {
			case 'text':
				return textExport(doc);
			case 'sr':
				return (await import('./srExport.js')).srExport(doc);
			case 'fhir':
				return JSON.stringify(fhirExport(doc), null, 2) + '\n';
			case 'hl7':
				return (await import('./hl7Export.js')).hl7Export(doc, this.d.hl7Settings?.() ?? defaultHl7Settings);
			case 'pdf': {
				const png = keyImage && this.d.keyImagePng ? await this.d.keyImagePng(studyId) : null;
				return (await import('./pdfExport.js')).pdfExport(doc, png ? { keyImagePng: png } : {});
			}
			case 'handout': {
				const h = this.d.reports.handout(studyId);
				if (!h) throw new HandoutMissingError();
				return (await import('./handoutPdf.js')).handoutPdf(doc, h);
			}
		}
	}

	/** Corrections and conversations of every study as a RaDialog-instruct `.json.gz` in the export folder. */
	exportDataset(outFolder?: string): { path: string; records: number } {
		const cases = this.d.reports.datasetCases();
		const records = instructRecords(cases);
		const file = path.join(
			this.folder(outFolder),
			`radialog-instruct-corrections-${new Date().toISOString().replace(/[:.]/g, '-')}.json.gz`,
		);
		writeFileAtomically(file, datasetGzip(records));
		this.d.audit.record({
			studyId: null,
			actor: this.reader(),
			action: 'dataset_export',
			detail: { file, records: records.length, studies: cases.length },
		});
		return { path: file, records: records.length };
	}
}
