import type { ReportStateSource } from '../reporting/index.js';

/** The reporting capability's view of a study's report, read through its public face (never by SQL here). */
export type PriorReportSource = ReportStateSource;
