// The priors capability's public face: what other capabilities may import from src/node/priors/.
export type { CurrentStudy } from './CurrentStudy.js';
export type { PatientIdentity } from './PatientIdentity.js';
export type { FoundStudy, PriorStudyFinder } from './PriorStudyFinder.js';
export { PriorsStudyNotFoundError } from './PriorsErrors.js';
