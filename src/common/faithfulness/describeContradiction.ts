import type { Contradiction } from './Contradiction.js';

const clash: Record<Contradiction['kind'], string> = {
	unreported: 'which the report does not mention',
	'reported absent': 'which the report says is absent',
	denied: 'which the report states',
	side: 'on another side than the report',
	size: 'with another size than the report',
};

/** One contradiction as a sentence a reader can act on: what the text says, and what the report says. */
export function describeContradiction(c: Contradiction): string {
	const finding = /[a-z]/.test(c.finding[0] ?? '') ? c.finding : c.finding.toLowerCase();
	const verb = c.kind === 'denied' ? 'denies' : 'states';
	const report = c.report ? ` (report: "${c.report}")` : '';
	return `"${c.text}" ${verb} ${finding}, ${clash[c.kind]}${report}.`;
}
