import type { PhantomCase, PhantomFindings, Side, Zone } from './PhantomCase.js';
import { Prng } from './Prng.js';

/** Several phrasings per finding and per normal statement, so the demo reports read like reports, not templates. */
const zoneName: Record<Zone, string[]> = {
	upper: ['upper lobe', 'upper zone', 'apical region'],
	middle: ['mid lung zone', 'perihilar region', 'mid lung'],
	lower: ['lower lobe', 'lung base', 'lower zone'],
};
const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
const bothSides = (s: readonly Side[]) => (s.length === 2 ? 'bilateral' : `${s[0]}-sided`);
const sidesPhrase = (s: readonly Side[]) => (s.length === 2 ? 'both' : `the ${s[0]}`);

function deviceSentences(f: PhantomFindings, r: Prng): string[] {
	const out: string[] = [];
	for (const d of f.devices) {
		if (d === 'endotracheal tube') out.push(r.pick(['An endotracheal tube is in place, terminating approximately 4 cm above the carina.', 'Endotracheal tube tip is in standard position above the carina.', 'The endotracheal tube is appropriately positioned.']));
		if (d === 'enteric tube') out.push(r.pick(['An enteric tube courses below the diaphragm with the tip in the stomach.', 'A nasogastric tube is seen extending into the stomach.', 'The enteric tube terminates in the stomach.']));
		if (d === 'central venous catheter') out.push(r.pick(['A central venous catheter terminates in the superior vena cava.', 'A central line is present with its tip in the mid SVC.', 'Central venous catheter tip projects over the superior vena cava.']));
		if (d === 'pacemaker') out.push(r.pick(['A left-sided pacemaker is present with leads terminating in the right heart.', 'A dual-chamber pacemaker is in place with leads in the expected position.', 'Pacemaker device overlies the left chest with intact leads.']));
	}
	return out;
}

function lungSentences(f: PhantomFindings, r: Prng): string[] {
	const out: string[] = [];
	if (f.consolidation) {
		const z = r.pick(zoneName[f.consolidation.zone]);
		out.push(r.pick([`There is focal consolidation in the ${f.consolidation.side} ${z}.`, `Dense consolidation is seen in the ${f.consolidation.side} ${z} with air bronchograms.`, `A ${f.consolidation.side} ${z} consolidation is present.`]));
	}
	if (f.opacity) {
		const z = r.pick(zoneName[f.opacity.zone]);
		out.push(r.pick([`There is a hazy opacity in the ${f.opacity.side} ${z}.`, `Patchy opacity is noted in the ${f.opacity.side} ${z}.`, `An ill-defined opacity projects over the ${f.opacity.side} ${z}.`]));
	}
	if (f.edema) {
		const g = f.edema.grade;
		out.push(r.pick([`There is ${g} pulmonary edema.`, `Perihilar haziness and interstitial markings are consistent with ${g} pulmonary edema.`, `Findings are compatible with ${g} interstitial edema.`]));
	}
	if (f.atelectasis) {
		const s = f.atelectasis.sides;
		out.push(r.pick([`There is ${bothSides(s)} basilar atelectasis.`, `Plate-like atelectasis is seen at ${sidesPhrase(s)} lung base${s.length === 2 ? 's' : ''}.`, `Linear opacities at ${sidesPhrase(s)} base${s.length === 2 ? 's' : ''} are consistent with atelectasis.`]));
	}
	if (f.lesion) {
		const z = r.pick(zoneName[f.lesion.zone]);
		const what = f.lesion.count === 2 ? 'two nodules' : f.lesion.sizeMm >= 25 ? 'a mass' : 'a nodule';
		out.push(r.pick([`There is ${what} in the ${f.lesion.side} ${z}, measuring up to ${f.lesion.sizeMm} mm.`, `A ${f.lesion.sizeMm} mm pulmonary nodule is seen in the ${f.lesion.side} ${z}.`, `A well-circumscribed ${f.lesion.sizeMm} mm nodular opacity projects over the ${f.lesion.side} ${z}.`]));
	}
	if (!out.length) out.push(r.pick(['The lungs are clear.', 'The lungs are clear without focal consolidation.', 'No focal consolidation is seen.', 'Lungs are well expanded and clear.']));
	return out;
}

function pleuraSentences(f: PhantomFindings, r: Prng): string[] {
	const out: string[] = [];
	if (f.effusion) {
		const g = f.effusion.grade, s = f.effusion.sides;
		out.push(r.pick([`There is a ${g} ${bothSides(s)} pleural effusion.`, `${g[0]!.toUpperCase()}${g.slice(1)} ${s.length === 2 ? 'bilateral pleural effusions are' : `${s[0]} pleural effusion is`} present.`, `Blunting of ${sidesPhrase(s)} costophrenic angle${s.length === 2 ? 's' : ''} reflects a ${g} pleural effusion.`]));
	}
	if (f.pneumothorax) {
		const p = f.pneumothorax;
		out.push(r.pick([`There is a ${p.grade} ${p.side} pneumothorax.`, `A ${p.grade} ${p.side}-sided pneumothorax is seen with a visible pleural line.`, `${p.grade[0]!.toUpperCase()}${p.grade.slice(1)} ${p.side} apical pneumothorax is present.`]));
	}
	if (!f.effusion && !f.pneumothorax) out.push(r.pick(['There is no pleural effusion or pneumothorax.', 'No pleural effusion or pneumothorax is seen.', 'No pneumothorax or pleural effusion.']));
	else if (!f.effusion) out.push(r.pick(['No pleural effusion.', 'There is no pleural effusion.']));
	else if (!f.pneumothorax) out.push(r.pick(['No pneumothorax.', 'There is no pneumothorax.', 'No pneumothorax is seen.']));
	return out;
}

function heartSentences(f: PhantomFindings, r: Prng): string[] {
	if (f.cardiomegaly && f.enlargedMediastinum) return [r.pick(['The heart is enlarged and the mediastinum is widened.', 'Cardiomegaly is present, and the mediastinal contours are widened.'])];
	if (f.cardiomegaly) return [r.pick(['The heart is enlarged.', 'Moderate cardiomegaly is present.', 'There is cardiomegaly.']), r.pick(['Mediastinal contours are normal.', 'The mediastinum is not widened.'])];
	if (f.enlargedMediastinum) return [r.pick(['The mediastinum is widened.', 'There is widening of the mediastinum.', 'The cardiomediastinal silhouette is enlarged, with a widened upper mediastinum.']), r.pick(['Heart size is normal.', 'The heart is not enlarged.'])];
	return [r.pick(['The cardiomediastinal silhouette is within normal limits.', 'Heart size is normal.', 'The heart size and mediastinal contours are normal.', 'Normal cardiomediastinal silhouette.'])];
}

function boneSentences(f: PhantomFindings, r: Prng): string[] {
	const x = f.fracture;
	if (!x) return r.chance(0.6) ? [r.pick(['No acute osseous abnormality.', 'No displaced fracture is seen.', 'The osseous structures are intact.'])] : [];
	if (x.site === 'clavicle') return [r.pick([`There is a displaced fracture of the ${x.side} clavicle.`, `A ${x.side} clavicular fracture is seen.`, `Fracture of the mid ${x.side} clavicle with mild displacement.`])];
	const ribs = `${ordinal(x.rib + 2)} and ${ordinal(x.rib + 3)}`;
	return [r.pick([`There are displaced fractures of the ${x.side} ${ribs} posterior ribs.`, `Fractures of the ${x.side} ${ribs} ribs are seen.`, `Acute-appearing ${x.side} ${ribs} rib fractures are present.`])];
}

/** The findings section a radiologist would write for this phantom; `variant` picks other phrasings of the same facts. */
export function writeFindingsSection(c: PhantomCase, variant = 0): string {
	const r = new Prng(c.seed * 7919 + variant).fork(11);
	return [...deviceSentences(c.findings, r), ...lungSentences(c.findings, r), ...pleuraSentences(c.findings, r), ...heartSentences(c.findings, r), ...boneSentences(c.findings, r)].join(' ');
}
