import type { SqliteReportStore } from './SqliteReportStore.js';

/** The reports, their versions, findings, conversations and handouts, as the workflow reads and writes them. */
export type ReportStore = Pick<SqliteReportStore, keyof SqliteReportStore>;
