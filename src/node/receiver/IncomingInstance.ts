/** The C-STORE status (0 success, 0110H failure) and, for a failure, the reason in the Error Comment. */
export interface StoreStatus {
	readonly status: number;
	readonly errorComment?: string;
}

/**
 * A C-STORE's data set while it arrives: each fragment is handed on as it comes, the answer once the whole
 * data set is kept or refused.
 */
export interface IncomingInstance {
	/** The fragment's memory is the reader's, reused once this returns: what is kept is copied. */
	add(fragment: Buffer): void;
	/** The last fragment arrived: settles with the status to answer, once the instance is kept or refused. */
	complete(): Promise<StoreStatus>;
	/** The association ended before the data set did: nothing of it is kept. */
	abandon(): void;
}
