/* @jsxRuntime automatic */ // Also when run outside Vite (its unit test renders it through tsx).
import type { CorrectionCheck } from '../../../src/common/api/reportContract.js';

/**
 * After Apply, what the rewrite changed that the reader did not ask for: the model may drop, invent or
 * move findings it was told to keep, and a reader checking only the asked change would miss it.
 */
export function CorrectionCheckNotice({ check }: { check: CorrectionCheck }) {
	const items = [...check.unasked, ...check.changed];
	if (!items.length) return null;
	return (
		<div className="rp-notice rp-correction-check" role="status" data-testid="correction-check">
			<strong>The rewrite changed more than you asked; check these in the text:</strong>
			<ul>
				{items.map((i) => (
					<li key={i.message} data-testid="correction-check-item" title={i.sentence}>
						{i.message}
					</li>
				))}
			</ul>
		</div>
	);
}
