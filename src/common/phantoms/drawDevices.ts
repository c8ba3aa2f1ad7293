import type { FindingMark } from './FindingMark.js';
import type { Device } from './PhantomCase.js';
import type { Prng } from './Prng.js';
import { bezier, type Raster } from './Raster.js';
import type { ThoraxGeometry } from './ThoraxGeometry.js';

/** Lines, tubes and a pacemaker: metal and radio-opaque plastic, far denser than anything else. */
export function drawDevices(
	att: Raster,
	g: ThoraxGeometry,
	devices: readonly Device[],
	rng: Prng,
	marks: FindingMark[],
): void {
	const a = g.a;
	const metal = new Float32Array(att.data.length);
	const mark = (points: readonly (readonly [number, number])[], r = 0.008) => {
		for (const [u, v] of points) marks.push({ label: 'Support Devices', u, v, r });
	};
	const tube = (t: number) => 0.9 + 0.6 * t ** 4;
	for (const d of devices) {
		if (d === 'endotracheal tube') {
			const tip = a.apexV + rng.range(0.06, 0.11);
			att.strokeMax(
				[
					[a.cx - 0.006, 0],
					[a.cx - 0.006, tip],
				],
				0.0035,
				tube,
				metal,
			);
			att.strokeMax(
				[
					[a.cx + 0.006, 0],
					[a.cx + 0.006, tip],
				],
				0.0035,
				tube,
				metal,
			);
			mark(Array.from({ length: 9 }, (_, k): [number, number] => [a.cx, (tip * k) / 8]));
		} else if (d === 'enteric tube') {
			const path = [
				...bezier([a.cx + 0.004, 0], [a.cx + 0.01, a.apexV + 0.2], [a.cx + 0.02, a.domeLeft - 0.02], 14),
				...bezier(
					[a.cx + 0.02, a.domeLeft - 0.02],
					[a.cx + 0.05, a.domeLeft + 0.08],
					[a.cx + 0.16, a.domeLeft + 0.07],
					10,
				),
			];
			att.strokeMax(path, 0.003, () => 1.1, metal);
			mark(path);
		} else if (d === 'central venous catheter') {
			const s = rng.chance(0.6) ? -1 : 1;
			const start: [number, number] = [a.cx + s * a.thoraxHalf * 0.75, a.apexV + 0.035];
			const svc: [number, number] = [a.cx - 0.035, a.apexV + rng.range(0.2, 0.26)];
			const line = bezier(start, [a.cx + s * 0.06, a.apexV + 0.04], svc, 20);
			att.strokeMax(line, 0.0028, () => 1.0, metal);
			mark(line);
		} else {
			const pu = a.cx + a.thoraxHalf * 0.62,
				pv = a.apexV + 0.07;
			att.forBox(pu - 0.045, pv - 0.032, pu + 0.045, pv + 0.032, (i, u, v) => {
				const inner = Math.abs(u - pu) < 0.03 && Math.abs(v - pv + 0.008) < 0.012;
				metal[i] = Math.max(metal[i] as number, inner ? 3.2 : 2.4);
			});
			const h = g.heart;
			const lead = bezier([pu - 0.03, pv], [a.cx - 0.02, a.apexV + 0.1], [a.cx - 0.03, h.cv - 0.02], 16);
			lead.push(
				...bezier([a.cx - 0.03, h.cv - 0.02], [h.cu, h.cv + 0.06], [h.cu + h.ru * 0.55, h.cv + h.rv * 0.5], 12),
			);
			att.strokeMax(lead, 0.0032, tube, metal);
			mark([[pu, pv]], 0.045);
			mark(lead);
		}
	}
	for (let i = 0; i < metal.length; i++) if (metal[i]) att.data[i] = (att.data[i] as number) + (metal[i] as number);
}
