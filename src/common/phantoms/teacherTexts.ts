import type { ChexpertLabel } from '../domain/chexpert.js';
import type { Device, Grade, PhantomFindings, Side } from './PhantomCase.js';
import type { Prng } from './Prng.js';
import type { ReportRegion, ReportSentence } from './sentenceBank.js';

/**
 * The rule-based teacher's answers for the phantoms (what a teacher LLM writes for real reports): easy
 * language, summaries and region answers, each naming the findings by their medical term as well, and
 * keeping every side, size and device of the report (the model learns to carry them from these).
 */
const cap = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const lungs = (sides: readonly Side[]) => (sides.length === 2 ? 'both lungs' : `the ${sides[0]} lung`);
const sided = (sides: readonly Side[]) => (sides.length === 2 ? 'bilateral' : sides[0]!);
// The phantoms draw the pacemaker in the left chest, and the report says so when it names a side.
const deviceNames = (devices: readonly Device[]) =>
	devices.map((d) => (d === 'pacemaker' ? 'left-sided pacemaker' : d));
const amount = (grade: Grade) => (grade === 'moderate' ? 'a moderate' : `a ${grade}`);

function plainSentences(f: PhantomFindings): string[] {
	const out: string[] = [];
	if (f.devices.length) out.push(`Medical devices are in place (${deviceNames(f.devices).join(', ')}).`);
	if (f.consolidation) out.push(`Part of the ${f.consolidation.side} lung is filled with fluid (consolidation).`);
	if (f.opacity) out.push(`A cloudy area in the ${f.opacity.side} lung (opacity).`);
	if (f.edema) out.push(`${cap(f.edema.grade)} fluid in the lungs (${f.edema.grade} pulmonary edema).`);
	if (f.atelectasis) {
		const s = f.atelectasis.sides;
		const where = s.length === 2 ? 'Parts of both lungs have' : `Part of the ${s[0]} lung has`;
		out.push(`${where} partly collapsed (${sided(s)} atelectasis).`);
	}
	if (f.lesion)
		out.push(
			f.lesion.count === 2
				? `Two round spots in the ${f.lesion.side} lung (nodules).`
				: `A round spot in the ${f.lesion.side} lung (nodule).`,
		);
	if (f.effusion) {
		const { grade, sides } = f.effusion;
		out.push(
			`${cap(amount(grade))} amount of fluid around ${lungs(sides)} (${grade} ${sided(sides)} pleural effusion).`,
		);
	}
	if (f.pneumothorax) {
		const { grade, side } = f.pneumothorax;
		out.push(`${cap(amount(grade))} amount of air outside the ${side} lung (${grade} ${side} pneumothorax).`);
	}
	if (f.cardiomegaly) out.push('The heart is enlarged (cardiomegaly).');
	if (f.enlargedMediastinum) out.push('The middle of the chest is wider (widened mediastinum).');
	if (f.fracture) {
		const bone = f.fracture.site === 'rib' ? 'Broken ribs' : 'A broken collarbone';
		out.push(`${bone} on the ${f.fracture.side} side (${f.fracture.side} ${f.fracture.site} fracture).`);
	}
	return out;
}

export function easyLanguage(f: PhantomFindings, rng: Prng): string {
	const s = plainSentences(f);
	if (!s.length)
		return rng.pick([
			'Your chest X-ray looks normal. The heart and lungs look healthy.',
			'Good news: the heart and lungs look normal on this X-ray.',
			'Nothing worrying was found. The lungs and heart look healthy.',
		]);
	return s.join(' ');
}

function shortNames(f: PhantomFindings): string[] {
	const out: string[] = [];
	if (f.devices.length) out.push(deviceNames(f.devices).join(' and '));
	if (f.consolidation) out.push(`${f.consolidation.side} consolidation`);
	if (f.opacity) out.push(`${f.opacity.side} lung opacity`);
	if (f.edema) out.push(`${f.edema.grade} pulmonary edema`);
	if (f.atelectasis) out.push(`${sided(f.atelectasis.sides)} basilar atelectasis`);
	if (f.lesion) out.push(`${f.lesion.side} lung nodule`);
	if (f.effusion) out.push(`${f.effusion.grade} ${sided(f.effusion.sides)} pleural effusion`);
	if (f.pneumothorax) out.push(`${f.pneumothorax.grade} ${f.pneumothorax.side} pneumothorax`);
	if (f.cardiomegaly) out.push('cardiomegaly');
	if (f.enlargedMediastinum) out.push('widened mediastinum');
	if (f.fracture) out.push(`${f.fracture.side} ${f.fracture.site} fracture`);
	return out;
}

export function summary(f: PhantomFindings, rng: Prng): string {
	const names = shortNames(f);
	if (!names.length) return rng.pick(['Normal chest X-ray.', '- No acute findings.', 'No abnormality seen.']);
	if (rng.chance(0.5)) return names.map((n) => `- ${n[0]!.toUpperCase()}${n.slice(1)}`).join('\n');
	const rest = names.length > 1 ? `, ${names.slice(1).join(', ')}` : '';
	return `${names[0]![0]!.toUpperCase()}${names[0]!.slice(1)}${rest}.`;
}

interface RegionQuestion {
	readonly region: string;
	readonly question: string;
	readonly answer: string;
}

const regionTopics: readonly {
	region: string;
	part: ReportRegion;
	/** A yes/no question, the finding it asks about, and the answer's sentence when it is absent. */
	yesNo: readonly [string, ChexpertLabel, string][];
	open: readonly string[];
	normal: string;
}[] = [
	{
		region: 'heart',
		part: 'heart',
		yesNo: [
			['Is the heart enlarged?', 'Cardiomegaly', 'The heart is not enlarged.'],
			['Is the heart size increased?', 'Cardiomegaly', 'The heart size is normal.'],
		],
		open: ['How does the heart look?', 'What can you say about the heart?'],
		normal: 'The heart size is normal.',
	},
	{
		region: 'mediastinum',
		part: 'heart',
		yesNo: [['Is the mediastinum widened?', 'Enlarged Cardiomediastinum', 'The mediastinum is not widened.']],
		open: ['How do the mediastinal contours look?'],
		normal: 'The mediastinum is normal.',
	},
	{
		region: 'lungs',
		part: 'lungs',
		yesNo: [
			['Is there consolidation in the lungs?', 'Consolidation', 'No focal consolidation is seen.'],
			['Is there a nodule in the lungs?', 'Lung Lesion', 'No pulmonary nodule is seen.'],
			['Are there signs of edema in the lungs?', 'Edema', 'There is no pulmonary edema.'],
		],
		open: ['What do you see in the lungs?', 'Are the lungs clear?'],
		normal: 'The lungs are clear.',
	},
	{
		region: 'pleura',
		part: 'pleura',
		yesNo: [
			['Is there fluid in the pleural space?', 'Pleural Effusion', 'There is no pleural effusion.'],
			['Is there a pneumothorax?', 'Pneumothorax', 'There is no pneumothorax.'],
		],
		open: ['How does the pleura look?'],
		normal: 'There is no pleural effusion or pneumothorax.',
	},
	{
		region: 'bones',
		part: 'bones',
		yesNo: [['Are there any fractures?', 'Fracture', 'No fracture is seen.']],
		open: ['How do the bones look?'],
		normal: 'No fracture is seen.',
	},
	{
		region: 'lines and tubes',
		part: 'devices',
		yesNo: [['Are there any lines or tubes?', 'Support Devices', 'No lines, tubes or devices are seen.']],
		open: ['Which devices are present?'],
		normal: 'No lines, tubes or devices are seen.',
	},
];

export function regionQuestion(
	f: PhantomFindings,
	labels: readonly ChexpertLabel[],
	sentences: readonly ReportSentence[],
	rng: Prng,
): RegionQuestion {
	const t = rng.pick(regionTopics);
	const said = sentences
		.filter((s) => s.region === t.part)
		.map((s) => s.text)
		.join(' ');
	if (rng.chance(0.55)) {
		const [question, label, absent] = rng.pick(t.yesNo);
		const yes = labels.includes(label);
		const detail = sentences.find((s) => s.labels.includes(label))?.text;
		return { region: t.region, question, answer: yes ? `Yes. ${detail ?? ''}`.trim() : `No. ${absent}` };
	}
	return { region: t.region, question: rng.pick(t.open), answer: said || t.normal };
}

/** The passage of the report that states a finding (what MIMIC-NLE provides for real reports). */
export function explanation(sentences: readonly ReportSentence[], label: ChexpertLabel): string | null {
	const hit = sentences.filter((s) => s.labels.includes(label)).map((s) => s.text);
	return hit.length ? `The report states: "${hit.join(' ')}"` : null;
}

/** Questions about treatment or procedures, each with the finding it is about (null: any finding). */
const managementQuestions: readonly [string, ChexpertLabel | null][] = [
	['Should this patient get a chest drain?', 'Pleural Effusion'],
	['Does the pneumothorax need a chest tube?', 'Pneumothorax'],
	['Does the patient need antibiotics?', 'Consolidation'],
	['Should we give diuretics for the edema?', 'Edema'],
	['Does the nodule need a biopsy?', 'Lung Lesion'],
	['Is surgery needed for the fracture?', 'Fracture'],
	['Should the tube be repositioned?', 'Support Devices'],
	['How should this patient be treated?', null],
	['What treatment do you recommend?', null],
];

/**
 * A question about treatment, answered as the workstation wants every such answer: the clinician's
 * decision first, then only what the report says (its own sentences, quoted), never a yes or a no.
 */
export function managementQuestion(
	sentences: readonly ReportSentence[],
	caveat: string,
	rng: Prng,
): { question: string; answer: string } {
	const [question, label] = rng.pick(managementQuestions);
	// One sentence: a quote of two that are not adjacent in the report would not be found in it.
	const said = sentences.find((s) => (label ? s.labels.includes(label) : s.labels.length));
	const what = said ? ` The report states: "${said.text}"` : '';
	return { question, answer: `${caveat}${what}` };
}
