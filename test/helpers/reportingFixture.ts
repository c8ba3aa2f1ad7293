import path from 'node:path';
import type { ChexpertLabel } from '../../src/common/domain/chexpert.js';
import { EventBus } from '../../src/node/events/EventBus.js';
import { SettingsStore } from '../../src/node/settings/SettingsStore.js';
import { labelReport } from '../../src/common/labeler/labelReport.js';
import { positiveLabels } from '../../src/common/labeler/ReportLabels.js';
import { ReportingService } from '../../src/node/reporting/ReportingService.js';
import { ReportSigning } from '../../src/node/reporting/ReportSigning.js';
import { ReportExports } from '../../src/node/export/ReportExports.js';
import { AuditLog } from '../../src/node/reporting/AuditLog.js';
import { ReportDocuments } from '../../src/node/reporting/ReportDocuments.js';
import type { ReportAssistantSource } from '../../src/node/reporting/ReportAssistantSource.js';
import { SqliteReportStore } from '../../src/node/reporting/SqliteReportStore.js';
import { StudyRecords } from '../../src/node/reporting/StudyRecords.js';
import { openDatabase, type SqliteDatabase } from '../../src/node/store/openDatabase.js';
import { ScriptedAssistant, testImage } from './ScriptedAssistant.js';

/** Adds one chest X-ray study (patient, series, instance) to a real database; returns its id. */
export function insertStudy(db: SqliteDatabase, n = 1): number {
	const p = db
		.prepare(`INSERT INTO patients (patient_id, name, birth_date, sex) VALUES (?, ?, '19650412', 'F')`)
		.run(`PAT${n}`, `Tester^Jane^${n}`);
	const s = db
		.prepare(
			`INSERT INTO studies (study_instance_uid, patient_ref, study_date, study_time, accession_number,
				description, modality)
		VALUES (?, ?, '20261120', '093000', ?, 'CHEST PA', 'DX')`,
		)
		.run(`1.2.826.0.1.3680043.8.498.${n}`, p.lastInsertRowid, `ACC${n}`);
	const se = db
		.prepare(
			`INSERT INTO series (series_instance_uid, study_ref, modality, series_number, view_position)
				VALUES (?, ?, 'DX', 1, 'PA')`,
		)
		.run(`1.2.826.0.1.3680043.8.498.${n}.1`, s.lastInsertRowid);
	db.prepare(
		`INSERT INTO instances (sop_instance_uid, series_ref, sop_class_uid, instance_number, rows, columns,
			file_sha256, file_size)
		VALUES (?, ?, '1.2.840.10008.5.1.4.1.1.1.1', 1, 4, 4, ?, 100)`,
	).run(`1.2.826.0.1.3680043.8.498.${n}.1.1`, se.lastInsertRowid, 'a'.repeat(64));
	return Number(s.lastInsertRowid);
}

/**
 * The reporting workflow on a real SQLite file with a scripted assistant and the real labeler. `assistants`
 * stands in for the model stack where a test needs another one (none installed, say).
 */
export function reportingFixture(
	dir: string,
	predictions: Partial<Record<ChexpertLabel, number>> = { Cardiomegaly: 0.91, 'Pleural Effusion': 0.77 },
	o: { assistants?: ReportAssistantSource } = {},
) {
	const db = openDatabase(path.join(dir, 'workstation.sqlite'));
	const events = new EventBus();
	const settings = new SettingsStore(db);
	settings.update({ readerName: 'Dr. Ada Reader', exportFolder: path.join(dir, 'exports') });
	const assistant = new ScriptedAssistant(predictions);
	const store = new SqliteReportStore(db);
	const audit = new AuditLog(db);
	const studies = new StudyRecords(db);
	const reader = { readerName: () => settings.get().readerName };
	const reporting = new ReportingService({
		store,
		audit,
		studies,
		events,
		reader,
		assistants: o.assistants ?? { assistant: () => Promise.resolve(assistant) },
		images: { studyImage: () => Promise.resolve(testImage) },
	});
	const signing = new ReportSigning({
		store,
		audit,
		reader,
		findingsReader: { positiveFindings: (text) => Promise.resolve(positiveLabels(labelReport(text))) },
		states: reporting,
	});
	const exports = new ReportExports({
		reports: new ReportDocuments(store, studies),
		audit,
		reader,
		readerCredentials: () => settings.get().readerCredentials,
		exportFolder: () => settings.get().exportFolder,
	});
	return { db, events, settings, assistant, store, audit, studies, reporting, signing, exports };
}
