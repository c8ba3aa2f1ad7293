/** The value of the first of `names` the record has. */
export function pickField(record: Record<string, string>, names: readonly string[]): string | undefined {
	for (const n of names) if (record[n] !== undefined) return record[n];
	return undefined;
}
