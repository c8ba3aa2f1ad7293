import { z } from 'zod';

/**
 * Whether the audit log's hash chain held when checked. `fullCheckPending`: start-up checked the rows
 * written since the last check; the check of every row runs in the background and may still change this.
 */
export const AuditChainStatus = z.object({
	state: z.enum(['intact', 'broken']),
	rows: z.number().int(),
	/** The first row that does not hold, and what is wrong with it; null while intact. */
	firstBrokenRowId: z.number().int().nullable(),
	problem: z.string().nullable(),
	checkedAt: z.string(),
	fullCheckPending: z.boolean(),
});
export type AuditChainStatus = z.infer<typeof AuditChainStatus>;

export const auditContract = {
	'audit.status': { input: z.object({}).strict(), output: AuditChainStatus },
} as const;
