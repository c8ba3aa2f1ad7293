import { chexpertLabels, type ChexpertLabel } from '../domain/chexpert.js';
import { Prng } from './Prng.js';

export type Side = 'right' | 'left';
export type Zone = 'upper' | 'middle' | 'lower';
export type Grade = 'small' | 'moderate' | 'large';
export type Device = 'endotracheal tube' | 'enteric tube' | 'central venous catheter' | 'pacemaker';
/** Every device a phantom may carry, in the order reports name them. */
export const phantomDevices: readonly Device[] = [
	'endotracheal tube',
	'enteric tube',
	'central venous catheter',
	'pacemaker',
];

/** Patient-to-patient variation, in image fractions (0..1 across and down a PA view). */
export interface Anatomy {
	readonly cx: number;
	readonly thoraxHalf: number;
	readonly bodyHalf: number;
	readonly apexV: number;
	readonly domeRight: number;
	readonly domeLeft: number;
	readonly sinusDepth: number;
	/** Cardiothoracic ratio. */
	readonly ctr: number;
	readonly heartHalfHeight: number;
	readonly mediastinumHalf: number;
	readonly ribSpacing: number;
	readonly ribThickness: number;
	readonly exposure: number;
	readonly noise: number;
	readonly rotation: number;
}

/** What is drawn, with the detail the report sentences mention. */
export interface PhantomFindings {
	readonly cardiomegaly: boolean;
	readonly enlargedMediastinum: boolean;
	readonly effusion: { readonly sides: readonly Side[]; readonly grade: Grade } | null;
	readonly pneumothorax: { readonly side: Side; readonly grade: Grade } | null;
	readonly consolidation: { readonly side: Side; readonly zone: Zone } | null;
	readonly opacity: { readonly side: Side; readonly zone: Zone } | null;
	readonly edema: { readonly grade: 'mild' | 'moderate' } | null;
	readonly atelectasis: { readonly sides: readonly Side[] } | null;
	readonly lesion: {
		readonly side: Side;
		readonly zone: Zone;
		readonly count: 1 | 2;
		readonly sizeMm: number;
	} | null;
	readonly fracture: { readonly side: Side; readonly site: 'rib' | 'clavicle'; readonly rib: number } | null;
	readonly devices: readonly Device[];
}

export interface PhantomCase {
	readonly seed: number;
	readonly anatomy: Anatomy;
	readonly findings: PhantomFindings;
	/** Ground-truth CheXpert labels (positive ones), in chexpertLabels order. */
	readonly labels: readonly ChexpertLabel[];
}

const neverDrawn: readonly ChexpertLabel[] = ['Pneumonia', 'Pleural Other'];

/** The CheXpert observations the phantoms can draw, in chexpertLabels order (all but `neverDrawn`). */
export const drawnLabels: readonly ChexpertLabel[] = chexpertLabels.filter((l) => !neverDrawn.includes(l));

const sides: readonly Side[] = ['right', 'left'];

/**
 * Each finding about one case in six; about one in five has none, so no-finding cases stay under a
 * quarter after stratification.
 */
export function samplePhantomCase(seed: number, prevalence = 0.18): PhantomCase {
	const rng = new Prng(seed);
	const a = rng.fork(1);
	const f = rng.fork(2);
	const healthy = f.chance(0.1);
	const has = () => !healthy && f.chance(prevalence);
	const cardiomegaly = has();
	const domeRight = a.range(0.67, 0.74);
	const anatomy: Anatomy = {
		cx: 0.5 + a.normal() * 0.012,
		thoraxHalf: a.range(0.35, 0.41),
		bodyHalf: 0,
		apexV: a.range(0.1, 0.15),
		domeRight,
		domeLeft: domeRight + a.range(0.01, 0.04),
		sinusDepth: a.range(0.05, 0.085),
		ctr: cardiomegaly ? a.range(0.6, 0.68) : a.range(0.39, 0.47),
		heartHalfHeight: a.range(0.11, 0.135) * (cardiomegaly ? 1.15 : 1),
		mediastinumHalf: a.range(0.05, 0.065),
		ribSpacing: a.range(0.052, 0.06),
		ribThickness: a.range(0.014, 0.019),
		exposure: a.range(1.1, 1.5),
		noise: a.range(0.006, 0.016),
		rotation: a.normal() * 0.01,
	};
	(anatomy as { bodyHalf: number }).bodyHalf = anatomy.thoraxHalf + a.range(0.035, 0.07);
	const enlargedMediastinum = has();
	if (enlargedMediastinum) (anatomy as { mediastinumHalf: number }).mediastinumHalf = a.range(0.095, 0.12);
	const grade = (): Grade => f.pick(['small', 'moderate', 'large'] as const);
	const zone = (): Zone => f.pick(['upper', 'middle', 'lower'] as const);
	const findings: PhantomFindings = {
		cardiomegaly,
		enlargedMediastinum,
		effusion: has() ? { sides: f.chance(0.3) ? sides : [f.pick(sides)], grade: grade() } : null,
		pneumothorax: has() ? { side: f.pick(sides), grade: grade() } : null,
		consolidation: has() ? { side: f.pick(sides), zone: f.pick(['middle', 'lower'] as const) } : null,
		opacity: has() ? { side: f.pick(sides), zone: zone() } : null,
		edema: has() ? { grade: f.pick(['mild', 'moderate'] as const) } : null,
		atelectasis: has() ? { sides: f.chance(0.35) ? sides : [f.pick(sides)] } : null,
		lesion: has()
			? { side: f.pick(sides), zone: zone(), count: f.chance(0.3) ? 2 : 1, sizeMm: f.int(12, 30) }
			: null,
		fracture: has() ? { side: f.pick(sides), site: f.chance(0.7) ? 'rib' : 'clavicle', rib: f.int(3, 7) } : null,
		devices: has() ? pickDevices(f) : [],
	};
	return { seed, anatomy, findings, labels: labelsOf(findings) };
}

function pickDevices(rng: Prng): Device[] {
	const chosen = rng.shuffle([...phantomDevices]).slice(0, rng.int(1, 3));
	return phantomDevices.filter((d) => chosen.includes(d));
}

export function labelsOf(f: PhantomFindings): ChexpertLabel[] {
	const out: ChexpertLabel[] = [];
	if (f.enlargedMediastinum) out.push('Enlarged Cardiomediastinum');
	if (f.cardiomegaly) out.push('Cardiomegaly');
	if (f.opacity) out.push('Lung Opacity');
	if (f.lesion) out.push('Lung Lesion');
	if (f.edema) out.push('Edema');
	if (f.consolidation) out.push('Consolidation');
	if (f.atelectasis) out.push('Atelectasis');
	if (f.pneumothorax) out.push('Pneumothorax');
	if (f.effusion) out.push('Pleural Effusion');
	if (f.fracture) out.push('Fracture');
	if (f.devices.length) out.push('Support Devices');
	// CheXpert's convention: devices alone still count as "No Finding".
	return out.length === 0 || (out.length === 1 && out[0] === 'Support Devices') ? ['No Finding', ...out] : out;
}
