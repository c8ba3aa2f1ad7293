export class MalformedCsv extends Error {
	override readonly name = 'MalformedCsv';
}

/** RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (quoted) throw new MalformedCsv('a quoted field is not closed');
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Rows as records keyed by the header row's names (trimmed; `name` may normalize them further). */
export function csvRecords(text: string, name = (header: string) => header.trim()): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	if (!header) return [];
	const names = header.map(name);
	return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
}
