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

function textTable(rows: readonly TaskEvaluation[]): string {
	const body = rows
		.map(
			(t) =>
				`<tr${t.task === 'overall' ? ' class="total"' : ''}><th>${esc(taskNames[t.task] ?? t.task)}</th><td>${t.samples}</td>${t.text.bleu.map((b) => `<td>${pct(b)}</td>`).join('')}<td>${pct(t.text.meteorExact)}</td><td>${pct(t.text.rougeL)}</td><td>${t.answerScore ? `${pct(t.answerScore.value)} <small>${esc(t.answerScore.kind)}</small>` : ''}</td></tr>`,
		)
		.join('\n');
	return `<table data-table="text"><thead><tr><th>Task</th><th>Samples</th><th>BLEU-1</th><th>BLEU-2</th><th>BLEU-3</th><th>BLEU-4</th><th>METEOR (exact)</th><th>ROUGE-L</th><th>Answer score</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function ceSummary(rows: readonly TaskEvaluation[]): string {
	const body = rows
		.filter((t) => t.clinicalEfficacy)
		.map((t) => {
			const ce = t.clinicalEfficacy!;
			return `<tr${t.task === 'overall' ? ' class="total"' : ''}><th>${esc(taskNames[t.task] ?? t.task)}</th><td>${ce.reports}</td><td>${pct(ce.macro.precision)}</td><td>${pct(ce.macro.recall)}</td><td>${pct(ce.macro.f1)}</td><td>${pct(ce.micro.precision)}</td><td>${pct(ce.micro.recall)}</td><td>${pct(ce.micro.f1)}</td></tr>`;
		})
		.join('\n');
	return `<table data-table="clinical-efficacy"><thead><tr><th>Task</th><th>Reports</th><th>Macro P</th><th>Macro R</th><th>Macro F1</th><th>Micro P</th><th>Micro R</th><th>Micro F1</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function perLabelTable(ce: ClinicalEfficacy): string {
	const body = ce.perLabel
		.map((s) => {
			// Undefined ratios show as a dash here; the macro means count them as 0 (the usual convention).
			const p = s.truePositives + s.falsePositives ? pct(s.precision) : '–';
			const r = s.support ? pct(s.recall) : '–';
			return `<tr><th>${esc(s.label)}</th><td>${s.support}</td><td>${s.truePositives}</td><td>${s.falsePositives}</td><td>${s.falseNegatives}</td><td>${p}</td><td>${r}</td><td>${pct(s.f1)}</td></tr>`;
		})
		.join('\n');
	return `<table data-table="per-label"><thead><tr><th>Observation</th><th>Support</th><th>TP</th><th>FP</th><th>FN</th><th>Precision</th><th>Recall</th><th>F1</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
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
				return `<rect x="${left}" y="${y + k * 8}" width="${w}" height="7" fill="${colour}"><title>${esc(`${s.label} ${key}: ${pct(s[key])}`)}</title></rect>`;
			});
			return `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(s.label)}</text>${parts.join('')}<text x="${left + Math.round(s.f1 * width) + 6}" y="${y + 22}" class="value">${pct(s.f1)}</text>`;
		})
		.join('\n');
	const height = 24 + ce.perLabel.length * rowH + 10;
	const macroX = left + Math.round(ce.macro.f1 * width);
	const legend =
		series
			.map(
				([key, colour], k) =>
					`<rect x="${left + k * 110}" y="4" width="12" height="12" fill="${colour}"/><text x="${left + k * 110 + 16}" y="15">${key === 'f1' ? 'F1' : key}</text>`,
			)
			.join('') +
		`<line x1="${left + 330}" y1="10" x2="${left + 352}" y2="10" stroke="#c0392b" stroke-dasharray="4 3"/><text x="${left + 356}" y="15">macro F1</text>`;
	return `<svg data-chart="per-label" xmlns="http://www.w3.org/2000/svg" width="${left + width + 60}" height="${height}" role="img" aria-label="Precision, recall and F1 per observation">
${legend}
<line x1="${left}" y1="20" x2="${left}" y2="${height - 6}" stroke="#444"/>
<line x1="${macroX}" y1="20" x2="${macroX}" y2="${height - 6}" stroke="#c0392b" stroke-dasharray="4 3"><title>macro F1 ${pct(ce.macro.f1)}</title></line>
${bars}
</svg>`;
}

/** A self-contained page with the evaluation's tables and a per-label chart. */
export function renderEvaluationHtml(r: EvaluationResult): string {
	const rows = [...r.tasks, r.overall];
	const ce = r.overall.clinicalEfficacy;
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
<p>Dataset: <code>${esc(r.dataset)}</code><br>Generated texts: ${esc(r.predictionsFrom)}<br>Labeler: ${esc(r.labeler)}<br>
Samples: ${r.counts.samples}, scored: ${r.counts.scored}, without prediction: ${r.counts.withoutPrediction}<br>Created: ${esc(r.createdAt)}</p>
<h2>Text similarity (×100)</h2>
${textTable(rows)}
<h2>Clinical efficacy (×100, uncertain counts as absent)</h2>
${ce ? ceSummary(rows) : '<p>No report-writing task was scored.</p>'}
${ce ? `<h2>Per observation (all report tasks)</h2>\n${perLabelChart(ce)}\n${perLabelTable(ce)}\n<p>A dash: no report predicted (precision) or had (recall) the observation; the macro means count such a value as 0.</p>` : ''}
<h2>Notes</h2>
<ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</body></html>
`;
}
