/**
 * Hears each signature and each addendum inside the transaction that writes it, so what it records (the
 * outbox's items) is committed with the signature or not at all. It must not wait for anything.
 */
export interface SignedReportListener {
	/** `revision` 0 is the signature, n the report's nth addendum. */
	reportSigned(signed: { studyId: number; reportId: number; revision: number }): void;
}
