/**
 * Reports given to a command: a JSON list (of strings, or of objects with a `report`, `text` or `output`
 * field), or else one report per non-empty line.
 */
export function parseReportList(input: string): string[] {
	const trimmed = input.trim();
	if (trimmed.startsWith('[')) {
		const list: unknown = JSON.parse(trimmed);
		if (!Array.isArray(list)) throw new SyntaxError('expected a JSON list of reports');
		return list.map((item, i) => {
			if (typeof item === 'string') return item;
			const o = (item ?? {}) as Record<string, unknown>;
			const text = o.report ?? o.text ?? o.output;
			if (typeof text !== 'string')
				throw new SyntaxError(
					`item ${i} of the JSON list is neither a string nor an object with a report, text or output field`,
				);
			return text;
		});
	}
	return input.split(/\r?\n/).filter((line) => line.trim().length > 0);
}
