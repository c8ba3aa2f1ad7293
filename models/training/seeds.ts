/** Phantom seed ranges: training and held-out evaluation never overlap. */
export const trainSeeds = (n: number) => Array.from({ length: n }, (_, i) => 100001 + i);
export const heldOutSeeds = (n: number) => Array.from({ length: n }, (_, i) => 900001 + i);
export const validationSeeds = (n: number) => Array.from({ length: n }, (_, i) => 500001 + i);
