import type { ClinicalEfficacy } from '../../common/metrics/clinicalEfficacy.js';
import type { EvaluationResult, TaskEvaluation } from './evaluatePredictions.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number) => (100 * x).toFixed(1);
const taskNames: Record<string, string> = {
	RG: 'Report generation',
	FQA_complete: 'Findings (list all)',
	FQA_binary: 'Findings (yes/no)',
	RE: 'Reasoning',
	RQA: 'Region questions',
	EL: 'Easy language',
	SU: 'Summary',
	CO: 'Correction',
	overall: 'Overall',
};

const cells = (tag: 'th' | 'td', values: readonly (string | number)[]) =>
	values.map((v) => `<${tag}>${v}</${tag}>`).join('');
const table = (name: string, headers: readonly string[], rows: readonly string[]) =>
	`<table data-table="${name}"><thead><tr>${cells('th', headers)}</tr></thead>` +
	`<tbody>\n${rows.join('\n')}\n</tbody></table>`;
const taskRow = (t: TaskEvaluation, values: readonly (string | number)[]) =>
	`<tr${t.task === 'overall' ? ' class="total"' : ''}>` +
	`${cells('th', [esc(taskNames[t.task] ?? t.task)])}${cells('td', values)}</tr>`;

function textTable(rows: readonly TaskEvaluation[]): string {
	const body = rows.map((t) =>
		taskRow(t, [
			t.samples,
			...t.text.bleu.map(pct),
			pct(t.text.meteorExact),
			pct(t.text.rougeL),
			t.answerScore ? `${pct(t.answerScore.value)} <small>${esc(t.answerScore.kind)}</small>` : '',
		]),
	);
	const headers = ['Task', 'Samples', 'BLEU-1', 'BLEU-2', 'BLEU-3', 'BLEU-4', 'METEOR (exact)', 'ROUGE-L'];
	return table('text', [...headers, 'Answer score'], body);
}

function ceSummary(rows: readonly TaskEvaluation[]): string {
	const body = rows.flatMap((t) => {
		const ce = t.clinicalEfficacy;
		if (!ce) return [];
		const { macro, micro } = ce;
		return [taskRow(t, [ce.reports, ...[macro, micro].flatMap((m) => [m.precision, m.recall, m.f1].map(pct))])];
	});
	const headers = ['Task', 'Reports', 'Macro P', 'Macro R', 'Macro F1', 'Micro P', 'Micro R', 'Micro F1'];
	return table('clinical-efficacy', headers, body);
}

function perLabelTable(ce: ClinicalEfficacy): string {
	const body = ce.perLabel.map((s) => {
		// Undefined ratios show as a dash here; the macro means count them as 0 (the usual convention).
		const p = s.truePositives + s.falsePositives ? pct(s.precision) : '–';
		const r = s.support ? pct(s.recall) : '–';
		const counts = [s.support, s.truePositives, s.falsePositives, s.falseNegatives];
		return `<tr>${cells('th', [esc(s.label)])}${cells('td', [...counts, p, r, pct(s.f1)])}</tr>`;
	});
	const headers = ['Observation', 'Support', 'TP', 'FP', 'FN', 'Precision', 'Recall', 'F1'];
	return table('per-label', headers, body);
}

/** Horizontal bars of precision, recall and F1 per label, drawn as inline SVG (the page loads nothing). */
function perLabelChart(ce: ClinicalEfficacy): string {
	const rowH = 30;
	const left = 200;
	const width = 420;
	const series = [
		['precision', '#7aa6d8'],
		['recall', '#9fcf8f'],
		['f1', '#2f5d8a'],
	] as const;
	const bars = ce.perLabel
		.map((s, i) => {
			const y = 24 + i * rowH;
			const parts = series.map(([key, colour], k) => {
				const w = Math.round(s[key] * width);
				const title = `<title>${esc(`${s.label} ${key}: ${pct(s[key])}`)}</title>`;
				return `<rect x="${left}" y="${y + k * 8}" width="${w}" height="7" fill="${colour}">${title}</rect>`;
			});
			const label = `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(s.label)}</text>`;
			const valueX = left + Math.round(s.f1 * width) + 6;
			return `${label}${parts.join('')}<text x="${valueX}" y="${y + 22}" class="value">${pct(s.f1)}</text>`;
		})
		.join('\n');
	const height = 24 + ce.perLabel.length * rowH + 10;
	const macroX = left + Math.round(ce.macro.f1 * width);
	const legend =
		series
			.map(
				([key, colour], k) =>
					`<rect x="${left + k * 110}" y="4" width="12" height="12" fill="${colour}"/>` +
					`<text x="${left + k * 110 + 16}" y="15">${key === 'f1' ? 'F1' : key}</text>`,
			)
			.join('') +
		`<line x1="${left + 330}" y1="10" x2="${left + 352}" y2="10" stroke="#c0392b" stroke-dasharray="4 3"/>` +
		`<text x="${left + 356}" y="15">macro F1</text>`;
	const macroLine =
		`<line x1="${macroX}" y1="20" x2="${macroX}" y2="${height - 6}" stroke="#c0392b" stroke-dasharray="4 3">` +
		`<title>macro F1 ${pct(ce.macro.f1)}</title></line>`;
	return `<svg data-chart="per-label" xmlns="http://www.w3.org/2000/svg" width="${left + width + 60}" height="${height}" role="img" aria-label="Precision, recall and F1 per observation">
${legend}
<line x1="${left}" y1="20" x2="${left}" y2="${height - 6}" stroke="#444"/>
${macroLine}
${bars}
</svg>`;
}

/** A self-contained page with the evaluation's tables and a per-label chart. */
export function renderEvaluationHtml(r: EvaluationResult): string {
	const rows = [...r.tasks, r.overall];
	const ce = r.overall.clinicalEfficacy;
	const source =
		`<p>Dataset: <code>${esc(r.dataset)}</code><br>Generated texts: ${esc(r.predictionsFrom)}<br>` +
		`Labeler: ${esc(r.labeler)}<br>\nSamples: ${r.counts.samples}, scored: ${r.counts.scored}, ` +
		`without prediction: ${r.counts.withoutPrediction}<br>Created: ${esc(r.createdAt)}</p>`;
	const perObservation = ce
		? `<h2>Per observation (all report tasks)</h2>\n${perLabelChart(ce)}\n${perLabelTable(ce)}\n` +
			'<p>A dash: no report predicted (precision) or had (recall) the observation; ' +
			'the macro means count such a value as 0.</p>'
		: '';
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Report evaluation</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222;max-width:1000px}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}
th:first-child{text-align:left}thead th{background:#eef2f6}tr.total{font-weight:600;background:#f7f7f7}
.notice{background:#fff4d6;border:1px solid #e0c060;padding:0.5rem 1rem}svg text{font-size:12px}svg .value{fill:#333}
</style></head><body>
<h1>Report evaluation</h1>
${r.notice ? `<p class="notice" data-notice>${esc(r.notice)}</p>` : ''}
${source}
<h2>Text similarity (×100)</h2>
${textTable(rows)}
<h2>Clinical efficacy (×100, uncertain counts as absent)</h2>
${ce ? ceSummary(rows) : '<p>No report-writing task was scored.</p>'}
${perObservation}
<h2>Notes</h2>
<ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</body></html>
`;
}
