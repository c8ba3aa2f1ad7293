// The audit capability's public face: what other capabilities may import from src/node/audit/.
export type { AuditChainWatch } from './AuditChainWatch.js';
export type { AuditChainChecker } from './AuditChainChecker.js';
