import type { AuditLog } from './AuditLog.js';

/** Who did what to which report, appended by every step and read back by the audit view. */
export type AuditTrail = Pick<AuditLog, 'record' | 'forStudy'>;
