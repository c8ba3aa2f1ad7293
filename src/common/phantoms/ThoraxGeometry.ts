import type { Anatomy, Side } from './PhantomCase.js';

export interface LungPoint {
	readonly side: Side;
	/** Normalised lung radius: 0 at the lung's centre, 1 at its outer border. */
	readonly r: number;
	/** Normalised position within the lung: x lateral (-1 medial .. 1 lateral), y (-1 apex .. 1 base). */
	readonly x: number;
	readonly y: number;
}

/** Where the lungs, heart and mediastinum are for one patient. Patient right is image left (PA view). */
export class ThoraxGeometry {
	readonly heart: { cu: number; cv: number; ru: number; rv: number };

	constructor(readonly a: Anatomy) {
		const w = a.ctr * 2 * a.thoraxHalf;
		const hh = a.heartHalfHeight;
		this.heart = { cu: a.cx + 0.15 * w, cv: (a.domeRight + a.domeLeft) / 2 - 0.3 * hh, ru: w / 2, rv: hh };
	}

	sign(side: Side): number {
		return side === 'right' ? -1 : 1;
	}

	dome(side: Side): number {
		return side === 'right' ? this.a.domeRight : this.a.domeLeft;
	}

	/** The lung's bounding ellipse parameters for a side. */
	frame(side: Side): { dx0: number; half: number; v0: number; up: number; down: number } {
		const a = this.a;
		const bottom = this.dome(side) + a.sinusDepth;
		const v0 = a.apexV + 0.45 * (bottom - a.apexV);
		return { dx0: a.thoraxHalf * 0.55, half: a.thoraxHalf * 0.47, v0, up: v0 - a.apexV, down: bottom - v0 };
	}

	/** Image coordinates of a point given in a lung's normalised frame. */
	toImage(side: Side, x: number, y: number): [number, number] {
		const f = this.frame(side);
		return [this.a.cx + this.sign(side) * (f.dx0 + x * f.half), f.v0 + y * (y < 0 ? f.up : f.down)];
	}

	diaphragmAt(side: Side, dx: number): number {
		const f = this.frame(side);
		const x = (dx - f.dx0) / f.half;
		return this.dome(side) + this.a.sinusDepth * Math.min(1.2, (x + 0.1) * (x + 0.1));
	}

	inHeart(u: number, v: number): boolean {
		const h = this.heart;
		return ((u - h.cu) / h.ru) ** 2 + ((v - h.cv) / h.rv) ** 2 < 1;
	}

	inMediastinum(u: number, v: number): boolean {
		const a = this.a;
		const half = v < a.apexV + 0.03 ? a.mediastinumHalf * 0.85 : a.mediastinumHalf;
		if (Math.abs(u - a.cx) < half) return true;
		// The aortic knob bulges into the left upper zone.
		return Math.hypot((u - (a.cx + a.mediastinumHalf + 0.004)) / 0.026, (v - (a.apexV + 0.13)) / 0.03) < 1;
	}

	lungAt(u: number, v: number): LungPoint | null {
		const side: Side = u < this.a.cx ? 'right' : 'left';
		const f = this.frame(side);
		const dx = (u - this.a.cx) * this.sign(side);
		const x = (dx - f.dx0) / f.half;
		const y = (v - f.v0) / (v < f.v0 ? f.up : f.down);
		const r = y < 0 ? Math.sqrt(x * x + y * y) : Math.sqrt(Math.sqrt(x ** 4 + y ** 4));
		if (r >= 1 || v > this.diaphragmAt(side, dx)) return null;
		if (this.inMediastinum(u, v) || this.inHeart(u, v)) return null;
		return { side, r, x, y };
	}

	zoneCentre(side: Side, zone: 'upper' | 'middle' | 'lower'): [number, number] {
		const y = zone === 'upper' ? -0.5 : zone === 'middle' ? 0.05 : 0.55;
		return this.toImage(side, zone === 'lower' ? 0.25 : 0.15, y);
	}
}
