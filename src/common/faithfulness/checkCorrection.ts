import type { CorrectionCheck } from './CorrectionCheck.js';
import { deviceKinds } from './deviceKinds.js';
import type { FindingStatement, Size } from './FindingStatement.js';
import { readStatements } from './readStatements.js';

const devices = new Set(deviceKinds.map((d) => d.name));
const sizeOrder: readonly Size[] = ['small', 'moderate', 'large'];

/**
 * Compares the findings text before and after a correction rewrite with what the reader asked
 * (`add`, `remove`: CheXpert labels): the model may drop, invent or move findings it was told to keep.
 * Asked findings are not listed, whatever the rewrite did with them; a faithful rewrite lists nothing.
 */
export function checkCorrection(
	before: string,
	after: string,
	asked: { readonly add: readonly string[]; readonly remove: readonly string[] },
): CorrectionCheck {
	const askedFor = new Set([...asked.add, ...asked.remove]);
	const isAsked = (f: string) => askedFor.has(f) || (devices.has(f) && askedFor.has('Support Devices'));
	const was = present(readStatements(before));
	const now = present(readStatements(after));
	const unasked: CorrectionCheck['unasked'][number][] = [];
	const changed: CorrectionCheck['changed'][number][] = [];
	for (const [finding, said] of now)
		if (!was.has(finding) && !isAsked(finding)) unasked.push(unaskedItem(finding, 'appeared', said[0]!.sentence));
	for (const [finding, said] of was) {
		if (isAsked(finding)) continue;
		const still = now.get(finding);
		if (!still) {
			unasked.push(unaskedItem(finding, 'disappeared', said[0]!.sentence));
			continue;
		}
		const sides = [sidesOf(said), sidesOf(still)] as const;
		if (sides[0] !== sides[1]) changed.push(changedItem(finding, 'side', sides, still));
		const sizes = [sizesOf(said), sizesOf(still)] as const;
		if (sizes[0] !== sizes[1]) changed.push(changedItem(finding, 'size', sizes, still));
	}
	return { unasked, changed };
}

/** The findings a text states or raises (a hedge still puts it on the reader's mind), by finding. */
function present(statements: readonly FindingStatement[]): Map<string, FindingStatement[]> {
	const out = new Map<string, FindingStatement[]>();
	for (const s of statements) if (s.presence !== 'denied') out.set(s.finding, [...(out.get(s.finding) ?? []), s]);
	return out;
}

function sidesOf(said: readonly FindingStatement[]): string {
	const sides = new Set(said.flatMap((s) => s.sides));
	if (sides.size === 2) return 'both sides';
	return [...sides][0] ?? 'not stated';
}

function sizesOf(said: readonly FindingStatement[]): string {
	const sizes = new Set(said.flatMap((s) => s.sizes));
	return sizeOrder.filter((s) => sizes.has(s)).join(' to ') || 'not stated';
}

function unaskedItem(finding: string, change: 'appeared' | 'disappeared', sentence: string) {
	const what = change === 'appeared' ? 'added' : 'removed';
	return { finding, change, sentence, message: `${finding}: ${what} without being asked` };
}

function changedItem(
	finding: string,
	change: 'side' | 'size',
	[before, after]: readonly [string, string],
	now: readonly FindingStatement[],
) {
	const message = `${finding}: ${change} changed from ${before} to ${after} without being asked`;
	return { finding, change, before, after, sentence: now[0]!.sentence, message };
}
