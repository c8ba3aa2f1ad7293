export interface DiffSegment {
	op: 'equal' | 'insert' | 'delete';
	text: string;
}

/** Word-level diff (longest common subsequence) of two report versions, for the version history view. */
export function wordDiff(before: string, after: string): DiffSegment[] {
	const a = before.match(/\s+|[^\s]+/g) ?? [];
	const b = after.match(/\s+|[^\s]+/g) ?? [];
	// Reports are short; past this size a whole-text replacement is clearer than a slow table.
	if (a.length * b.length > 4_000_000)
		return merge([
			{ op: 'delete', text: before },
			{ op: 'insert', text: after },
		]);
	const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const out: DiffSegment[] = [];
	let i = 0,
		j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			out.push({ op: 'equal', text: a[i]! });
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'delete', text: a[i++]! });
		else out.push({ op: 'insert', text: b[j++]! });
	}
	while (i < a.length) out.push({ op: 'delete', text: a[i++]! });
	while (j < b.length) out.push({ op: 'insert', text: b[j++]! });
	return merge(out);
}

function merge(segs: DiffSegment[]): DiffSegment[] {
	const out: DiffSegment[] = [];
	for (const s of segs) {
		if (!s.text) continue;
		const last = out.at(-1);
		if (last && last.op === s.op) last.text += s.text;
		else out.push({ ...s });
	}
	return out;
}
