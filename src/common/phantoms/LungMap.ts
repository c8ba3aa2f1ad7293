import type { LungPoint, ThoraxGeometry } from './ThoraxGeometry.js';

/** The lung geometry evaluated once per pixel, so every later drawing pass reads it instead of recomputing. */
export class LungMap {
	/** 0 outside the lungs, 1 right lung, 2 left lung. */
	readonly side: Uint8Array;
	readonly r: Float32Array;
	readonly x: Float32Array;
	readonly y: Float32Array;

	constructor(readonly size: number) {
		const n = size * size;
		this.side = new Uint8Array(n);
		this.r = new Float32Array(n);
		this.x = new Float32Array(n);
		this.y = new Float32Array(n);
	}

	set(i: number, lp: LungPoint): void {
		this.side[i] = lp.side === 'right' ? 1 : 2;
		this.r[i] = lp.r;
		this.x[i] = lp.x;
		this.y[i] = lp.y;
	}

	/** A mask function for Raster.addBlob: inside the lungs, or inside one lung. */
	mask(which?: 'right' | 'left'): (i: number) => number {
		const want = which === 'right' ? 1 : which === 'left' ? 2 : 0;
		return (i) => {
			const s = this.side[i] as number;
			return s && (!want || s === want) ? 1 : 0;
		};
	}

	static of(g: ThoraxGeometry, size: number): LungMap {
		const m = new LungMap(size);
		const a = g.a;
		const y0 = Math.max(0, Math.floor((a.apexV - 0.01) * size)),
			y1 = Math.min(size, Math.ceil((Math.max(a.domeLeft, a.domeRight) + a.sinusDepth * 1.3 + 0.01) * size));
		const x0 = Math.max(0, Math.floor((a.cx - a.thoraxHalf * 1.05) * size)),
			x1 = Math.min(size, Math.ceil((a.cx + a.thoraxHalf * 1.05) * size));
		for (let y = y0; y < y1; y++) {
			for (let x = x0; x < x1; x++) {
				const lp = g.lungAt((x + 0.5) / size, (y + 0.5) / size);
				if (lp) m.set(y * size + x, lp);
			}
		}
		return m;
	}
}
