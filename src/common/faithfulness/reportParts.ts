/**
 * A report as the faithfulness checker reads it: findings and impression as one part, then each signed
 * addendum in signing order, so that a later statement of a finding replaces an earlier one.
 */
export function reportParts(
	report: { findings: string; impression: string },
	addenda: readonly { text: string }[],
): string[] {
	return [`${report.findings}\n${report.impression}`, ...addenda.map((a) => a.text)];
}
