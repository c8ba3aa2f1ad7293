import type { SearchPageLimits } from '../../src/node/worklist/SearchPages.js';

/** Search plan limits under which every search walks the sort's index study by study (no other plan). */
export const alwaysWalked: SearchPageLimits = { walk: 1e9, matchSet: 0, values: 1e9, nameOthers: -1, keyRange: -1 };
