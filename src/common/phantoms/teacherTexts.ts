import type { ChexpertLabel } from '../domain/chexpert.js';
import type { PhantomFindings } from './PhantomCase.js';
import type { Prng } from './Prng.js';
import type { ReportRegion, ReportSentence } from './sentenceBank.js';

/**
 * The rule-based teacher's answers for the phantoms (what a teacher LLM writes for real reports): easy
 * language, summaries and region answers, each naming the findings by their medical term as well.
 */
function plainSentences(f: PhantomFindings): string[] {
	const out: string[] = [];
	if (f.devices.length) out.push(`Medical devices are in place (${f.devices.join(', ')}).`);
	if (f.consolidation) out.push(`Part of the ${f.consolidation.side} lung is filled with fluid (consolidation).`);
	if (f.opacity) out.push(`A cloudy area in the ${f.opacity.side} lung (opacity).`);
	if (f.edema) out.push('Fluid in the lungs (pulmonary edema).');
	if (f.atelectasis) out.push('A small lung area has partly collapsed (atelectasis).');
	if (f.lesion) out.push(`A round spot in the ${f.lesion.side} lung (nodule).`);
	if (f.effusion) out.push('Fluid around the lung (pleural effusion).');
	if (f.pneumothorax) out.push(`Air outside the ${f.pneumothorax.side} lung (pneumothorax).`);
	if (f.cardiomegaly) out.push('The heart is enlarged (cardiomegaly).');
	if (f.enlargedMediastinum) out.push('The middle of the chest is wider (widened mediastinum).');
	if (f.fracture) out.push(`A broken bone (${f.fracture.site} fracture).`);
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
	if (f.devices.length) out.push(f.devices.join(' and '));
	if (f.consolidation) out.push(`${f.consolidation.side} consolidation`);
	if (f.opacity) out.push(`${f.opacity.side} lung opacity`);
	if (f.edema) out.push(`${f.edema.grade} pulmonary edema`);
	if (f.atelectasis) out.push('basilar atelectasis');
	if (f.lesion) out.push(`${f.lesion.side} lung nodule`);
	if (f.effusion) out.push(`${f.effusion.grade} pleural effusion`);
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
	yesNo: readonly [string, ChexpertLabel][];
	open: readonly string[];
	normal: string;
}[] = [
	{
		region: 'heart',
		part: 'heart',
		yesNo: [
			['Is the heart enlarged?', 'Cardiomegaly'],
			['Is the heart size increased?', 'Cardiomegaly'],
		],
		open: ['How does the heart look?', 'What can you say about the heart?'],
		normal: 'The heart size is normal.',
	},
	{
		region: 'mediastinum',
		part: 'heart',
		yesNo: [['Is the mediastinum widened?', 'Enlarged Cardiomediastinum']],
		open: ['How do the mediastinal contours look?'],
		normal: 'The mediastinum is normal.',
	},
	{
		region: 'lungs',
		part: 'lungs',
		yesNo: [
			['Is there consolidation in the lungs?', 'Consolidation'],
			['Is there a nodule in the lungs?', 'Lung Lesion'],
			['Are there signs of edema in the lungs?', 'Edema'],
		],
		open: ['What do you see in the lungs?', 'Are the lungs clear?'],
		normal: 'The lungs are clear.',
	},
	{
		region: 'pleura',
		part: 'pleura',
		yesNo: [
			['Is there fluid in the pleural space?', 'Pleural Effusion'],
			['Is there a pneumothorax?', 'Pneumothorax'],
		],
		open: ['How does the pleura look?'],
		normal: 'There is no pleural effusion or pneumothorax.',
	},
	{
		region: 'bones',
		part: 'bones',
		yesNo: [['Are there any fractures?', 'Fracture']],
		open: ['How do the bones look?'],
		normal: 'No fracture is seen.',
	},
	{
		region: 'lines and tubes',
		part: 'devices',
		yesNo: [['Are there any lines or tubes?', 'Support Devices']],
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
		const [question, label] = rng.pick(t.yesNo);
		const yes = labels.includes(label);
		const detail = sentences.find((s) => s.labels.includes(label))?.text;
		return { region: t.region, question, answer: yes ? `Yes. ${detail ?? ''}`.trim() : `No. ${t.normal}` };
	}
	return { region: t.region, question: rng.pick(t.open), answer: said || t.normal };
}

/** The passage of the report that states a finding (what MIMIC-NLE provides for real reports). */
export function explanation(sentences: readonly ReportSentence[], label: ChexpertLabel): string | null {
	const hit = sentences.filter((s) => s.labels.includes(label)).map((s) => s.text);
	return hit.length ? `The report states: "${hit.join(' ')}"` : null;
}
