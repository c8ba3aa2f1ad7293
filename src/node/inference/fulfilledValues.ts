/** The values of loads that ran side by side, or the first failure in the order given (as an Error). */
export function fulfilledValues<T extends readonly unknown[]>(results: {
	readonly [K in keyof T]: PromiseSettledResult<T[K]>;
}): T {
	const failed = (results as readonly PromiseSettledResult<unknown>[]).find(
		(r): r is PromiseRejectedResult => r.status === 'rejected',
	);
	if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
	return (results as readonly PromiseFulfilledResult<unknown>[]).map((r) => r.value) as unknown as T;
}
