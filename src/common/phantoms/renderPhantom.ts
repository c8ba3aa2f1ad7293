import type { FindingMark } from './FindingMark.js';
import type { PhantomCase, Side } from './PhantomCase.js';
import { Prng } from './Prng.js';
import { bezier, Raster } from './Raster.js';
import { ThoraxGeometry } from './ThoraxGeometry.js';
import { drawFindings, pneumothoraxDepth } from './drawFindings.js';
import { drawDevices } from './drawDevices.js';
import { LungMap } from './LungMap.js';

/** A rendered phantom: 12-bit stored values (0..4095), MONOCHROME2 (bone bright), row-major. */
export interface PhantomImage {
	readonly size: number;
	readonly pixels: Uint16Array;
	/**
	 * Where the local findings (fracture, lesion, devices, opacity, consolidation, atelectasis) were drawn;
	 * see FindingMark.
	 */
	readonly marks: readonly FindingMark[];
}

const sides: readonly Side[] = ['right', 'left'];

/**
 * Renders a PA chest radiograph phantom. Attenuation is summed from soft tissue, air-filled lungs, heart,
 * mediastinum, bones, findings and devices, then turned into detector values as 1 - exp(-k·A) with noise.
 */
export function renderPhantom(c: PhantomCase, size = 1024): PhantomImage {
	const a = c.anatomy;
	const g = new ThoraxGeometry(a);
	const rng = new Prng(c.seed).fork(3);
	const soft = new Raster(size);
	const att = new Raster(size);
	const lung = LungMap.of(g, size);
	const ptx = pneumothoraxDepth(c.findings);
	const ptxSide = ptx ? (ptx.side === 'right' ? 1 : 2) : 0;

	// Soft-tissue thickness across the body, as a lookup on (dx / half-width)^2.
	const bodyLut = Float32Array.from({ length: 1025 }, (_, k) => 1.1 * Math.pow(1 - k / 1024, 0.35));
	for (let y = 0; y < size; y++) {
		const v = (y + 0.5) / size;
		const shoulder = a.bodyHalf + 0.09 * Math.exp(-(((v - 0.13) / 0.09) ** 2));
		const bh = v < 0.05 ? 0.11 + (shoulder - 0.11) * (v / 0.05) ** 2 : shoulder;
		const spine = 0.2 * (0.75 + 0.25 * Math.cos(((v - a.apexV) / a.ribSpacing) * Math.PI * 2));
		const trachea = v < a.apexV + 0.16;
		const heartRow =
			Math.abs(v - g.heart.cv) < g.heart.rv
				? 0.1 * (1 - Math.min(1, Math.max(0, (v - a.domeLeft + 0.01) / 0.05)))
				: 0;
		for (let x = 0; x < size; x++) {
			const i = y * size + x;
			const u = (x + 0.5) / size;
			const dx = Math.abs(u - a.cx);
			const q = (dx / bh) ** 2;
			let A = q < 1 ? (bodyLut[Math.round(q * 1024)] as number) : 0;
			if (lung.side[i]) {
				const r = lung.r[i] as number;
				A -= 0.72 * (1 - 0.25 * r * r);
				if (ptx && lung.side[i] === ptxSide && r > 1 - ptx.depth && (lung.y[i] as number) < 0.6) A -= 0.1;
			}
			if (heartRow && g.inHeart(u, v)) A += heartRow;
			if (dx < 0.034) A += spine;
			if (trachea && dx < 0.011) A -= 0.28;
			soft.data[i] = A;
		}
	}
	// Gastric bubble under the left hemidiaphragm.
	soft.addBlob(a.cx + 0.17, a.domeLeft + 0.065, 0.045, 0.025, -0.3);

	drawVessels(att, g, lung, rng.fork(1), ptx);
	const marks: FindingMark[] = [];
	drawBones(att, g, c, rng.fork(2), marks);
	drawFindings(att, g, c, lung, rng.fork(4), marks);
	drawDevices(att, g, c.findings.devices, rng.fork(5), marks);

	// Soft tissue edges are unsharp on a radiograph; bone, metal and small findings much less so.
	att.boxBlur(size / 600);
	soft.boxBlur(size / 180);
	for (let i = 0; i < att.data.length; i++) att.data[i] = (att.data[i] as number) + (soft.data[i] as number);
	const out = new Uint16Array(size * size);
	const noise = rng.fork(6);
	const heel = noise.range(-0.05, 0.05);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const i = y * size + x;
			const I = 1 - Math.exp(-a.exposure * Math.max(0, att.data[i] as number));
			const val =
				I * (1 + heel * (y / size - 0.5)) + a.noise * 2 * (noise.next() + noise.next() + noise.next() - 1.5);
			out[i] = Math.max(0, Math.min(4095, Math.round(150 + 3800 * val)));
		}
	}
	return { size, pixels: out, marks };
}

/** Branching vessel markings from each hilum, fading to the periphery; none in a pneumothorax. */
function drawVessels(
	att: Raster,
	g: ThoraxGeometry,
	lung: LungMap,
	rng: Prng,
	ptx: { side: Side; depth: number } | null,
): void {
	const layer = new Float32Array(att.data.length);
	const branch = (p: [number, number], angle: number, depth: number): void => {
		const len = rng.range(0.04, 0.075) * (1 - depth * 0.12);
		const q: [number, number] = [p[0] + Math.cos(angle) * len, p[1] + Math.sin(angle) * len];
		const mid: [number, number] = [
			(p[0] + q[0]) / 2 + rng.normal() * 0.006,
			(p[1] + q[1]) / 2 + rng.normal() * 0.006,
		];
		const w = 0.0045 * (1 - depth * 0.2);
		att.strokeMax(bezier(p, mid, q, 6), w, (t) => (0.11 - depth * 0.018) * (1 - t * t), layer);
		if (depth < 4) {
			branch(q, angle - rng.range(0.2, 0.5), depth + 1);
			if (rng.chance(0.8)) branch(q, angle + rng.range(0.2, 0.5), depth + 1);
		}
	};
	for (const side of sides) {
		const hilum = g.toImage(side, -0.75, 0.02);
		const out = side === 'right' ? Math.PI : 0;
		for (let k = 0; k < 6; k++) {
			const spread = -1.25 + (2.5 * k) / 5 + rng.normal() * 0.12;
			branch([hilum[0], hilum[1] + rng.normal() * 0.02], side === 'right' ? out - spread : out + spread, 0);
		}
	}
	const ptxSide = ptx ? (ptx.side === 'right' ? 1 : 2) : 0;
	for (let i = 0; i < layer.length; i++) {
		const s = lung.side[i] as number;
		if (!s || !layer[i]) continue;
		const r = lung.r[i] as number;
		if (ptx && s === ptxSide && r > 1 - ptx.depth - 0.02 && (lung.y[i] as number) < 0.6) continue;
		att.data[i] = (att.data[i] as number) + (layer[i] as number) * (1.15 - 0.6 * r);
	}
}

function drawBones(att: Raster, g: ThoraxGeometry, c: PhantomCase, rng: Prng, marks: FindingMark[]): void {
	const a = c.anatomy;
	const bones = new Float32Array(att.data.length);
	const rad = a.ribThickness / 2;
	const fx = c.findings.fracture;
	for (const side of sides) {
		const s = g.sign(side);
		const P = (dx: number, v: number): [number, number] => [a.cx + s * dx, v];
		for (let i = 0; i < 10; i++) {
			const v = a.apexV - 0.035 + i * a.ribSpacing + rng.normal() * 0.002;
			const end = P(a.thoraxHalf * 1.03, v + 0.05 + 0.004 * i);
			const post = bezier(P(0.028, v), P(a.thoraxHalf * 0.72, v - 0.04), end, 20);
			const ant = bezier(end, P(a.thoraxHalf * 0.8, end[1] + 0.065), P(0.12 + 0.012 * i, end[1] + 0.085), 16);
			att.strokeMax(ant, rad * 0.9, (t) => 0.05 + 0.05 * t ** 6, bones);
			if (fx && fx.site === 'rib' && fx.side === side && (i === fx.rib || i === fx.rib + 1)) {
				// An acute displaced fracture: a lucent gap and the lateral fragment stepped down by about a rib's
				// width. No callus: a bright node on a rib looks like the many rib crossings, a break does not.
				const cut = 11;
				att.strokeMax(post.slice(0, cut), rad, (t) => 0.1 + 0.1 * t ** 6, bones);
				const lateral = post.slice(cut + 3).map(([u, vv]): [number, number] => [u, vv + rad * 2]);
				att.strokeMax(lateral, rad, (t) => 0.1 + 0.1 * t ** 6, bones);
				const [bu, bv] = post[cut + 1] as [number, number];
				marks.push({ label: 'Fracture', u: bu, v: bv + rad, r: rad * 3 });
			} else {
				att.strokeMax(post, rad, (t) => 0.1 + 0.1 * t ** 6, bones);
			}
		}
		const clav = bezier(
			P(0.035, a.apexV + 0.045),
			P(a.thoraxHalf * 0.45, a.apexV + 0.075),
			P(a.thoraxHalf * 1.02, a.apexV - 0.02),
			24,
		);
		if (fx && fx.site === 'clavicle' && fx.side === side) {
			att.strokeMax(clav.slice(0, 11), 0.012, (t) => 0.3 + 0.15 * t ** 4, bones);
			att.strokeMax(
				clav.slice(13).map(([u, vv]): [number, number] => [u, vv - 0.02]),
				0.012,
				(t) => 0.3 + 0.15 * t ** 4,
				bones,
			);
			const [bu, bv] = clav[12] as [number, number];
			marks.push({ label: 'Fracture', u: bu, v: bv - 0.01, r: 0.03 });
		} else {
			att.strokeMax(clav, 0.012, (t) => 0.3 + 0.15 * t ** 4, bones);
		}
		// Humeral heads and the scapular edge at the top corners.
		att.addBlob(a.cx + s * (a.bodyHalf + 0.035), a.apexV + 0.02, 0.05, 0.06, 0.35);
	}
	for (let i = 0; i < bones.length; i++) att.data[i] = (att.data[i] as number) + (bones[i] as number);
}
