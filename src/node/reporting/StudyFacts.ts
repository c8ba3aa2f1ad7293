import type { StudyRecords } from './StudyRecords.js';

/** The study facts a report needs (header, instances) and the studies still waiting for a draft. */
export type StudyFacts = Pick<StudyRecords, 'get' | 'instances' | 'undrafted'>;
