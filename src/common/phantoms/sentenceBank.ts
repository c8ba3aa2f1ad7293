import type { ChexpertLabel } from '../domain/chexpert.js';
import type { PhantomCase, PhantomFindings, Side, Zone } from './PhantomCase.js';
import { Prng } from './Prng.js';

/** Where a sentence belongs, for region questions. */
export type ReportRegion = 'devices' | 'lungs' | 'pleura' | 'heart' | 'bones';

/** One sentence of a findings section and the positive findings it states. */
export interface ReportSentence {
	readonly text: string;
	readonly region: ReportRegion;
	readonly labels: readonly ChexpertLabel[];
}

/** Several phrasings per finding and per normal statement, so the demo reports read like reports, not templates. */
const zoneName: Record<Zone, string[]> = {
	upper: ['upper lobe', 'upper zone', 'apical region'],
	middle: ['mid lung zone', 'perihilar region', 'mid lung'],
	lower: ['lower lobe', 'lung base', 'lower zone'],
};
const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
const bothSides = (s: readonly Side[]) => (s.length === 2 ? 'bilateral' : `${s[0]}-sided`);
const sidesPhrase = (s: readonly Side[]) => (s.length === 2 ? 'both' : `the ${s[0]}`);

function deviceSentences(f: PhantomFindings, part: (k: number) => Prng): ReportSentence[] {
	let r: Prng;
	const out: ReportSentence[] = [];
	const push = (t: string) => out.push({ text: t, region: 'devices', labels: ['Support Devices'] });
	for (const d of f.devices) {
		r = part(10 + d.length);
		if (d === 'endotracheal tube')
			push(
				r.pick([
					'An endotracheal tube is in place, terminating approximately 4 cm above the carina.',
					'Endotracheal tube tip is in standard position above the carina.',
					'The endotracheal tube is appropriately positioned.',
				]),
			);
		if (d === 'enteric tube')
			push(
				r.pick([
					'An enteric tube courses below the diaphragm with the tip in the stomach.',
					'A nasogastric tube is seen extending into the stomach.',
					'The enteric tube terminates in the stomach.',
				]),
			);
		if (d === 'central venous catheter')
			push(
				r.pick([
					'A central venous catheter terminates in the superior vena cava.',
					'A central line is present with its tip in the mid SVC.',
					'Central venous catheter tip projects over the superior vena cava.',
				]),
			);
		if (d === 'pacemaker')
			push(
				r.pick([
					'A left-sided pacemaker is present with leads terminating in the right heart.',
					'A dual-chamber pacemaker is in place with leads in the expected position.',
					'Pacemaker device overlies the left chest with intact leads.',
				]),
			);
	}
	return out;
}

function lungSentences(f: PhantomFindings, part: (k: number) => Prng): ReportSentence[] {
	let r: Prng;
	const out: ReportSentence[] = [];
	const push = (l: ChexpertLabel | null, t: string) => out.push({ text: t, region: 'lungs', labels: l ? [l] : [] });
	if (f.consolidation) {
		r = part(1);
		const z = r.pick(zoneName[f.consolidation.zone]);
		push(
			'Consolidation',
			r.pick([
				`There is focal consolidation in the ${f.consolidation.side} ${z}.`,
				`Dense consolidation is seen in the ${f.consolidation.side} ${z} with air bronchograms.`,
				`A ${f.consolidation.side} ${z} consolidation is present.`,
			]),
		);
	}
	if (f.opacity) {
		r = part(2);
		const z = r.pick(zoneName[f.opacity.zone]);
		push(
			'Lung Opacity',
			r.pick([
				`There is a hazy opacity in the ${f.opacity.side} ${z}.`,
				`Patchy opacity is noted in the ${f.opacity.side} ${z}.`,
				`An ill-defined opacity projects over the ${f.opacity.side} ${z}.`,
			]),
		);
	}
	if (f.edema) {
		r = part(3);
		const g = f.edema.grade;
		push(
			'Edema',
			r.pick([
				`There is ${g} pulmonary edema.`,
				`${g[0]!.toUpperCase()}${g.slice(1)} pulmonary edema is present.`,
				`Findings are compatible with ${g} interstitial edema.`,
			]),
		);
	}
	if (f.atelectasis) {
		r = part(4);
		const s = f.atelectasis.sides;
		push(
			'Atelectasis',
			r.pick([
				`There is ${bothSides(s)} basilar atelectasis.`,
				`Plate-like atelectasis is seen at ${sidesPhrase(s)} lung base${s.length === 2 ? 's' : ''}.`,
				`There is subsegmental atelectasis at ${sidesPhrase(s)} lung base${s.length === 2 ? 's' : ''}.`,
			]),
		);
	}
	if (f.lesion) {
		r = part(5);
		const z = r.pick(zoneName[f.lesion.zone]);
		const what = f.lesion.count === 2 ? 'two nodules' : f.lesion.sizeMm >= 25 ? 'a mass' : 'a nodule';
		// No sizes: a draft copies its wording, and a millimetre figure there would be a measurement nobody made.
		const seen =
			f.lesion.count === 2
				? 'Two pulmonary nodules are'
				: f.lesion.sizeMm >= 25
					? 'A pulmonary mass is'
					: 'A pulmonary nodule is';
		const projects =
			f.lesion.count === 2 ? 'Two well-circumscribed nodules project' : 'A well-circumscribed nodule projects';
		push(
			'Lung Lesion',
			r.pick([
				`There ${f.lesion.count === 2 ? 'are' : 'is'} ${what} in the ${f.lesion.side} ${z}.`,
				`${seen} seen in the ${f.lesion.side} ${z}.`,
				`${projects} over the ${f.lesion.side} ${z}.`,
			]),
		);
	}
	r = part(8);
	if (!out.length)
		push(
			null,
			r.pick([
				'The lungs are clear.',
				'The lungs are clear without focal consolidation.',
				'No focal consolidation is seen.',
				'Lungs are well expanded and clear.',
			]),
		);
	return out;
}

function pleuraSentences(f: PhantomFindings, part: (k: number) => Prng): ReportSentence[] {
	let r: Prng;
	const out: ReportSentence[] = [];
	const push = (l: ChexpertLabel | null, t: string) => out.push({ text: t, region: 'pleura', labels: l ? [l] : [] });
	if (f.effusion) {
		r = part(6);
		const g = f.effusion.grade,
			s = f.effusion.sides;
		push(
			'Pleural Effusion',
			r.pick([
				`There is a ${g} ${bothSides(s)} pleural effusion.`,
				`${g[0]!.toUpperCase()}${g.slice(1)} ` +
					`${s.length === 2 ? 'bilateral pleural effusions are' : `${s[0]} pleural effusion is`} present.`,
				`Blunting of ${sidesPhrase(s)} costophrenic angle${s.length === 2 ? 's' : ''} ` +
					`reflects a ${g} pleural effusion.`,
			]),
		);
	}
	if (f.pneumothorax) {
		r = part(7);
		const p = f.pneumothorax;
		push(
			'Pneumothorax',
			r.pick([
				`There is a ${p.grade} ${p.side} pneumothorax.`,
				`A ${p.grade} ${p.side}-sided pneumothorax is seen with a visible pleural line.`,
				`${p.grade[0]!.toUpperCase()}${p.grade.slice(1)} ${p.side} apical pneumothorax is present.`,
			]),
		);
	}
	r = part(9);
	if (!f.effusion && !f.pneumothorax)
		push(
			null,
			r.pick([
				'There is no pleural effusion or pneumothorax.',
				'No pleural effusion or pneumothorax is seen.',
				'No pneumothorax or pleural effusion.',
			]),
		);
	else if (!f.effusion) push(null, r.pick(['No pleural effusion.', 'There is no pleural effusion.']));
	else if (!f.pneumothorax)
		push(null, r.pick(['No pneumothorax.', 'There is no pneumothorax.', 'No pneumothorax is seen.']));
	return out;
}

function heartSentences(f: PhantomFindings, part: (k: number) => Prng): ReportSentence[] {
	const r = part(0);
	const h = (labels: ChexpertLabel[], text: string): ReportSentence => ({ text, region: 'heart', labels });
	if (f.cardiomegaly && f.enlargedMediastinum)
		return [
			h(
				['Cardiomegaly'],
				r.pick(['The heart is enlarged.', 'Cardiomegaly is present.', 'There is cardiomegaly.']),
			),
			h(
				['Enlarged Cardiomediastinum'],
				r.pick(['The mediastinum is also widened.', 'There is widening of the mediastinum.']),
			),
		];
	if (f.cardiomegaly)
		return [
			h(
				['Cardiomegaly'],
				// The same words with or without a widened mediastinum, and no size: the phantoms draw no grade.
				r.pick(['The heart is enlarged.', 'Cardiomegaly is present.', 'There is cardiomegaly.']),
			),
			h([], r.pick(['Mediastinal contours are normal.', 'The mediastinum is not widened.'])),
		];
	if (f.enlargedMediastinum)
		return [
			h(
				['Enlarged Cardiomediastinum'],
				r.pick([
					'The mediastinum is widened.',
					'There is widening of the mediastinum.',
					'The upper mediastinum is widened.',
				]),
			),
			h([], r.pick(['Heart size is normal.', 'The heart is not enlarged.'])),
		];
	return [
		h(
			[],
			r.pick([
				'The cardiomediastinal silhouette is within normal limits.',
				'Heart size is normal.',
				'The heart size and mediastinal contours are normal.',
				'Normal cardiomediastinal silhouette.',
			]),
		),
	];
}

function boneSentences(f: PhantomFindings, part: (k: number) => Prng): ReportSentence[] {
	const r = part(0);
	const b = (text: string): ReportSentence => ({ text, region: 'bones', labels: f.fracture ? ['Fracture'] : [] });
	const x = f.fracture;
	if (!x)
		return r.chance(0.6)
			? [
					b(
						r.pick([
							'No acute osseous abnormality.',
							'No displaced fracture is seen.',
							'The osseous structures are intact.',
						]),
					),
				]
			: [];
	if (x.site === 'clavicle')
		return [
			b(
				r.pick([
					`There is a displaced fracture of the ${x.side} clavicle.`,
					`A ${x.side} clavicular fracture is seen.`,
					`Fracture of the mid ${x.side} clavicle with mild displacement.`,
				]),
			),
		];
	const ribs = `${ordinal(x.rib + 2)} and ${ordinal(x.rib + 3)}`;
	return [
		b(
			r.pick([
				`There are displaced fractures of the ${x.side} ${ribs} posterior ribs.`,
				`Fractures of the ${x.side} ${ribs} ribs are seen.`,
				`Acute-appearing ${x.side} ${ribs} rib fractures are present.`,
			]),
		),
	];
}

/** The findings section as sentences, each with its region and the positive findings it states. */
export function writeReportSentences(f: PhantomFindings, seed: number, variant = 0): ReportSentence[] {
	// One stream per part, so a correction that changes one finding keeps every other sentence word for word.
	const r = (section: number) => (k: number) =>
		new Prng(seed * 7919 + variant * 104729 + section * 15485863 + k * 32452843);
	return [
		...deviceSentences(f, r(1)),
		...lungSentences(f, r(2)),
		...pleuraSentences(f, r(3)),
		...heartSentences(f, r(4)),
		...boneSentences(f, r(5)),
	];
}

/**
 * The findings section a radiologist would write for this phantom; `variant` picks other phrasings of the
 * same facts.
 */
export function writeFindingsSection(c: PhantomCase, variant = 0): string {
	return writeReportSentences(c.findings, c.seed, variant)
		.map((s) => s.text)
		.join(' ');
}
