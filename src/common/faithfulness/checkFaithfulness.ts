import type { Contradiction, ContradictionKind } from './Contradiction.js';
import { deviceKinds } from './deviceKinds.js';
import type { FindingStatement } from './FindingStatement.js';
import { readStatements } from './readStatements.js';

/**
 * Findings a plain-language text may fairly use for one the report names: "infection in the lung" for a
 * consolidation, "an enlarged heart" for a widened cardiac silhouette. Only for stating a finding; a
 * denial must deny the report's own finding to contradict it.
 */
const supportedBy: Record<string, readonly string[]> = {
	Pneumonia: ['Consolidation', 'Lung Opacity'],
	Consolidation: ['Pneumonia', 'Lung Opacity'],
	'Lung Opacity': ['Consolidation', 'Pneumonia', 'Atelectasis', 'Edema', 'Lung Lesion'],
	Atelectasis: ['Lung Opacity'],
	Cardiomegaly: ['Enlarged Cardiomediastinum'],
	'Enlarged Cardiomediastinum': ['Cardiomegaly'],
};
const devices = new Set(['Support Devices', ...deviceKinds.map((d) => d.name)]);

/**
 * The contradictions between a signed report and a text derived from it (a handout, a summary, an
 * answer): findings the text states that the report does not, or denies; findings the report states
 * that the text denies; another side or size for a finding both state. Omissions, hedges of a stated
 * finding, and denials of findings the report never mentions are not contradictions. The report may be
 * given as its statements, already read.
 */
export function checkFaithfulness(report: string | readonly FindingStatement[], text: string): Contradiction[] {
	// Statements where the caller already chose them (the latest of a report and its addenda).
	const said = typeof report === 'string' ? readStatements(report) : report;
	const found = new Map<string, Contradiction>();
	for (const t of readStatements(text, true)) {
		const c = contradiction(said, t);
		const key = `${c?.finding}\u0000${c?.text}`;
		if (c && !found.has(key)) found.set(key, c);
	}
	return [...found.values()];
}

function contradiction(said: readonly FindingStatement[], t: FindingStatement): Contradiction | null {
	const raised = said.filter((r) => r.finding === t.finding && r.presence !== 'denied');
	const found = (kind: ContradictionKind, r?: FindingStatement): Contradiction => ({
		finding: t.finding,
		report: r?.sentence ?? '',
		text: t.sentence,
		kind,
	});
	if (t.presence === 'denied') {
		// "No lines or tubes" denies every device the report places.
		const denied = t.finding === 'Support Devices' ? said.filter((r) => devices.has(r.finding)) : raised;
		const clash = denied.find(
			(r) => r.presence !== 'denied' && (t.sides.length === 0 || t.sides.some((s) => r.sides.includes(s))),
		);
		return clash ? { ...found('denied', clash), finding: clash.finding } : null;
	}
	const support = raised.length
		? raised
		: said.filter((r) => r.presence !== 'denied' && supports(r.finding, t.finding));
	if (!support.length) {
		const denial = said.find((r) => r.finding === t.finding && r.presence === 'denied');
		return denial ? found('reported absent', denial) : found('unreported');
	}
	const sides = new Set(support.flatMap((r) => r.sides));
	if (sides.size && t.sides.some((s) => !sides.has(s)))
		return found(
			'side',
			support.find((r) => r.sides.length),
		);
	const sizes = new Set(support.flatMap((r) => r.sizes));
	if (sizes.size && t.sizes.length && !t.sizes.some((s) => sizes.has(s)))
		return found(
			'size',
			support.find((r) => r.sizes.length),
		);
	return null;
}

function supports(reported: string, stated: string): boolean {
	if (stated === 'Support Devices') return devices.has(reported);
	if (devices.has(stated)) return reported === 'Support Devices';
	return supportedBy[stated]?.includes(reported) ?? false;
}
