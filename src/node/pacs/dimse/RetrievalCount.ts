/**
 * How many images a C-GET retrieval brings: first what the series-level C-FIND said, then what each
 * pending C-GET response says (remaining + completed + failed + warning), never fewer than arrived.
 */
export class RetrievalCount {
	private readonly perSeries = new Map<string, number>();
	done = 0;

	expect(seriesUid: string, count: number): void {
		this.perSeries.set(seriesUid, Number.isFinite(count) && count > 0 ? count : 0);
	}

	report(seriesUid: string, count: number): void {
		if (Number.isFinite(count)) this.perSeries.set(seriesUid, Math.max(this.perSeries.get(seriesUid) ?? 0, count));
	}

	/** Counts one more arrived image; returns how many arrived so far. */
	arrived(): number {
		this.done += 1;
		return this.done;
	}

	get total(): number {
		let sum = 0;
		for (const n of this.perSeries.values()) sum += n;
		return Math.max(sum, this.done);
	}
}
