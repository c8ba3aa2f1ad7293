export { checkFaithfulness } from './checkFaithfulness.js';
export type { Contradiction, ContradictionKind } from './Contradiction.js';
export type { FindingStatement, Presence, Side, Size } from './FindingStatement.js';
export { readStatements } from './readStatements.js';
