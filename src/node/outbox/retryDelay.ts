/** How long to wait between tries to an unreachable destination. */
export interface RetryTiming {
	/** The wait after the first failure; it doubles with each further one. */
	readonly firstMs: number;
	readonly maxMs: number;
}

/** 5 s doubling to 10 min: quick while a PACS restarts, without hammering one that is down for hours. */
export const defaultRetryTiming: RetryTiming = { firstMs: 5_000, maxMs: 600_000 };

/**
 * The wait before the next try after `attempts` failures, jittered by ±25 % so workstations that lost the
 * same PACS do not all return to it at the same moment.
 */
export function retryDelay(attempts: number, timing: RetryTiming, random: () => number = Math.random): number {
	const base = Math.min(timing.maxMs, timing.firstMs * 2 ** Math.max(0, attempts - 1));
	return Math.round(base * (0.75 + 0.5 * random()));
}
