import { studiesSchema } from './001_studies.js';
import { importsSchema } from './002_imports.js';
import { reportsSchema } from './003_reports.js';
import { worklistIndexesSchema } from './004_worklist_indexes.js';
import { priorityIndexSchema } from './005_priority_index.js';
import { replaceGuardsSchema } from './006_replace_guards.js';
import { identitySchema } from './007_identity.js';
import { answerChecksSchema } from './008_answer_checks.js';
import { patientBannerSchema } from './009_patient_banner.js';
import { auditChainSchema, startAuditChain } from './010_audit_chain.js';
import { notDisplayableSchema } from './011_not_displayable.js';
import { worklistScaleSchema } from './012_worklist_scale.js';
import { pacsOriginsSchema } from './013_pacs_origins.js';
import { outboxSchema } from './014_outbox.js';
import { searchPrefixesSchema } from './015_search_prefixes.js';
import { imageRowsSchema } from './016_image_rows.js';
import { foldTextSortKeys, worklistOrdersSchema } from './017_worklist_orders.js';
import { searchSignatureSchema, signWorklistRows } from './018_search_signature.js';
import { arrivalBoundsSchema } from './019_arrival_bounds.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

/**
 * Schema history, oldest first. Append only: a shipped migration is never edited, since
 * databases in hospitals already ran it. Each runs in one transaction with its version bump; `run`, when
 * present, follows the SQL in that transaction, for steps SQL cannot do (hashing).
 */
export const migrations: readonly {
	readonly version: number;
	readonly name: string;
	readonly sql: string;
	readonly run?: (db: SqliteDatabase) => void;
}[] = [
	{ version: 1, name: 'studies', sql: studiesSchema },
	{ version: 2, name: 'imports', sql: importsSchema },
	{ version: 3, name: 'reports', sql: reportsSchema },
	{ version: 4, name: 'worklist indexes', sql: worklistIndexesSchema },
	{ version: 5, name: 'priority index', sql: priorityIndexSchema },
	{ version: 6, name: 'replace guards', sql: replaceGuardsSchema },
	{ version: 7, name: 'instance identity', sql: identitySchema },
	{ version: 8, name: 'answer checks', sql: answerChecksSchema },
	{ version: 9, name: 'patient banner', sql: patientBannerSchema },
	{ version: 10, name: 'audit chain', sql: auditChainSchema, run: startAuditChain },
	{ version: 11, name: 'not displayable', sql: notDisplayableSchema },
	{ version: 12, name: 'worklist scale', sql: worklistScaleSchema },
	{ version: 13, name: 'pacs origins', sql: pacsOriginsSchema },
	{ version: 14, name: 'outbox', sql: outboxSchema },
	{ version: 15, name: 'search prefixes', sql: searchPrefixesSchema },
	{ version: 16, name: 'image rows', sql: imageRowsSchema },
	{ version: 17, name: 'worklist orders', sql: worklistOrdersSchema, run: foldTextSortKeys },
	{ version: 18, name: 'search signature', sql: searchSignatureSchema, run: signWorklistRows },
	{ version: 19, name: 'arrival bounds', sql: arrivalBoundsSchema },
];
