import type { FindingMark } from './FindingMark.js';
import type { PhantomCase, PhantomFindings, Side } from './PhantomCase.js';
import type { Prng } from './Prng.js';
import { bezier, type Raster, smoothstep } from './Raster.js';
import type { ThoraxGeometry } from './ThoraxGeometry.js';
import type { LungMap } from './LungMap.js';

const gradeDepth = { small: 0.15, moderate: 0.25, large: 0.37 } as const;
const effusionHeight = { small: 0.045, moderate: 0.085, large: 0.14 } as const;

/** How deep (in normalised lung radius) the air rim of a pneumothorax reaches, if there is one. */
export function pneumothoraxDepth(f: PhantomFindings): { side: Side; depth: number } | null {
	return f.pneumothorax ? { side: f.pneumothorax.side, depth: gradeDepth[f.pneumothorax.grade] } : null;
}

/** Draws every finding into the attenuation map (bones and devices are drawn elsewhere). */
export function drawFindings(
	att: Raster,
	g: ThoraxGeometry,
	c: PhantomCase,
	lung: LungMap,
	rng: Prng,
	marks: FindingMark[],
): void {
	const f = c.findings;
	const inLung = (side?: Side) => lung.mask(side);
	const sideCode = (side: Side) => (side === 'right' ? 1 : 2);
	const ptx = pneumothoraxDepth(f);
	if (ptx) {
		// The visceral pleural line: a thin white edge where the collapsed lung ends.
		const want = sideCode(ptx.side);
		att.forBox(0, 0, 1, 1, (i) => {
			if (lung.side[i] !== want || (lung.y[i] as number) > 0.6) return;
			const d = 1 - ptx.depth - (lung.r[i] as number);
			if (d > 0 && d < 0.018) att.data[i] = (att.data[i] as number) + 0.14;
		});
	}
	if (f.effusion) {
		const h = effusionHeight[f.effusion.grade];
		for (const side of f.effusion.sides) {
			const want = sideCode(side);
			att.forBox(0, 0, 1, 1, (i, u, v) => {
				if (lung.side[i] !== want) return;
				const dx = Math.abs(u - g.a.cx);
				const level = g.diaphragmAt(side, dx) - h * (1 + 0.9 * Math.max(0, lung.x[i] as number));
				att.data[i] = (att.data[i] as number) + 0.62 * smoothstep(level - 0.01, level + 0.025, v);
			});
		}
	}
	if (f.consolidation) {
		const [cu, cv] = g.zoneCentre(f.consolidation.side, f.consolidation.zone);
		const mask = inLung(f.consolidation.side);
		for (let k = 0; k < 4; k++) {
			const u = cu + rng.normal() * 0.025,
				v = cv + rng.normal() * 0.025,
				ru = rng.range(0.045, 0.07),
				rv = rng.range(0.04, 0.06);
			att.addBlob(u, v, ru, rv, 0.42, 0.3, mask);
			marks.push({ label: 'Consolidation', u, v, r: Math.min(ru, rv) });
		}
		// Air bronchograms: dark branching lines inside the dense lung.
		const layer = new Float32Array(att.data.length);
		for (let k = 0; k < 3; k++) {
			const p0: [number, number] = [cu + rng.normal() * 0.02, cv - 0.03];
			att.strokeMax(
				bezier(p0, [p0[0] + rng.normal() * 0.02, cv], [p0[0] + rng.normal() * 0.04, cv + 0.045]),
				0.003,
				() => 0.18,
				layer,
			);
		}
		for (let i = 0; i < layer.length; i++)
			if (layer[i]) att.data[i] = (att.data[i] as number) - (layer[i] as number);
	}
	if (f.opacity) {
		const [cu, cv] = g.zoneCentre(f.opacity.side, f.opacity.zone);
		const mask = inLung(f.opacity.side);
		for (let k = 0; k < 5; k++) {
			const u = cu + rng.normal() * 0.04,
				v = cv + rng.normal() * 0.035,
				ru = rng.range(0.05, 0.08),
				rv = rng.range(0.05, 0.08);
			att.addBlob(u, v, ru, rv, 0.17, 0.7, mask);
			marks.push({ label: 'Lung Opacity', u, v, r: Math.min(ru, rv) });
		}
	}
	if (f.edema) {
		const amount = f.edema.grade === 'mild' ? 0.2 : 0.3;
		for (const side of ['right', 'left'] as const) {
			const [hu, hv] = g.toImage(side, -0.45, 0.05);
			att.addBlob(hu, hv, 0.13, 0.16, amount, 0.75, inLung(side));
			const layer = new Float32Array(att.data.length);
			for (let k = 0; k < 7; k++) {
				const [u, v] = g.toImage(side, rng.range(0.7, 0.92), rng.range(0.2, 0.75));
				const len = 0.02 * g.sign(side);
				att.strokeMax(
					[
						[u - len, v],
						[u + len * 0.2, v],
					],
					0.0022,
					() => 0.16,
					layer,
				);
			}
			for (let i = 0; i < layer.length; i++)
				if (layer[i] && lung.side[i]) att.data[i] = (att.data[i] as number) + (layer[i] as number);
		}
	}
	if (f.atelectasis) {
		for (const side of f.atelectasis.sides) {
			const layer = new Float32Array(att.data.length);
			const y = rng.range(0.35, 0.6);
			const band = [g.toImage(side, -0.45, y + 0.06), g.toImage(side, 0.1, y), g.toImage(side, 0.65, y - 0.07)];
			att.strokeMax(band, 0.009, (t) => 0.42 * (1 - t * t), layer);
			for (const [p, q] of [
				[band[0]!, band[1]!],
				[band[1]!, band[2]!],
			] as const) {
				for (let t = 0; t <= 1; t += 0.25)
					marks.push({
						label: 'Atelectasis',
						u: p[0] + (q[0] - p[0]) * t,
						v: p[1] + (q[1] - p[1]) * t,
						r: 0.012,
					});
			}
			for (let i = 0; i < layer.length; i++)
				if (layer[i] && lung.side[i]) att.data[i] = (att.data[i] as number) + (layer[i] as number);
		}
	}
	if (f.lesion) {
		const [cu, cv] = g.zoneCentre(f.lesion.side, f.lesion.zone);
		const r = f.lesion.sizeMm / 2 / 380;
		for (let k = 0; k < f.lesion.count; k++) {
			const u = cu + (k ? 0.06 : 0) + rng.normal() * 0.015,
				v = cv + rng.normal() * 0.02 - (k ? 0.05 : 0);
			att.addBlob(u, v, r, r, 0.55, 0.15);
			marks.push({ label: 'Lung Lesion', u, v, r });
		}
	}
}
