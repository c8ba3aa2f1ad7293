/**
 * A square float image addressed in image fractions (u across, v down), with the few drawing operations the
 * phantoms need.
 */
export class Raster {
	readonly data: Float32Array;

	constructor(readonly size: number) {
		this.data = new Float32Array(size * size);
	}

	/** Calls fn for every pixel whose centre lies in the box, with its fractional coordinates. */
	forBox(u0: number, v0: number, u1: number, v1: number, fn: (i: number, u: number, v: number) => void): void {
		const n = this.size;
		const x0 = Math.max(0, Math.floor(u0 * n)),
			x1 = Math.min(n - 1, Math.ceil(u1 * n));
		const y0 = Math.max(0, Math.floor(v0 * n)),
			y1 = Math.min(n - 1, Math.ceil(v1 * n));
		for (let y = y0; y <= y1; y++) {
			const v = (y + 0.5) / n;
			const row = y * n;
			for (let x = x0; x <= x1; x++) fn(row + x, (x + 0.5) / n, v);
		}
	}

	/**
	 * A tube along a polyline: each pixel within `radius` gets profile(d/radius), d its distance to the line;
	 * overlapping segments take the maximum so joints do not double up.
	 */
	strokeMax(
		points: readonly (readonly [number, number])[],
		radius: number,
		profile: (t: number) => number,
		target: Float32Array = this.data,
	): void {
		for (let s = 0; s + 1 < points.length; s++) {
			const [ax, ay] = points[s] as readonly [number, number];
			const [bx, by] = points[s + 1] as readonly [number, number];
			const dx = bx - ax,
				dy = by - ay;
			const len2 = dx * dx + dy * dy || 1e-12;
			this.forBox(
				Math.min(ax, bx) - radius,
				Math.min(ay, by) - radius,
				Math.max(ax, bx) + radius,
				Math.max(ay, by) + radius,
				(i, u, v) => {
					const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / len2));
					const ex = u - (ax + t * dx),
						ey = v - (ay + t * dy);
					const d = Math.sqrt(ex * ex + ey * ey);
					if (d < radius) {
						const val = profile(d / radius);
						if (val > (target[i] as number)) target[i] = val;
					}
				},
			);
		}
	}

	/** Adds a soft disc (a smooth step at its edge). */
	addBlob(
		cu: number,
		cv: number,
		ru: number,
		rv: number,
		amount: number,
		softness = 0.25,
		mask?: (i: number) => number,
	): void {
		this.forBox(cu - ru * 1.3, cv - rv * 1.3, cu + ru * 1.3, cv + rv * 1.3, (i, u, v) => {
			const r = Math.hypot((u - cu) / ru, (v - cv) / rv);
			const w = smoothstep(1 + softness, 1 - softness, r);
			if (w > 0) this.data[i] = (this.data[i] as number) + amount * w * (mask ? mask(i) : 1);
		});
	}

	/** Separable box blur, radius in pixels, by running sums (cheap at any radius). */
	boxBlur(radius: number): void {
		const n = this.size,
			r = Math.max(1, Math.round(radius));
		const tmp = new Float32Array(n);
		const pass = (get: (a: number, b: number) => number, set: (a: number, b: number, x: number) => void) => {
			for (let a = 0; a < n; a++) {
				let acc = 0;
				for (let b = -r; b <= r; b++) acc += get(a, Math.min(n - 1, Math.max(0, b)));
				for (let b = 0; b < n; b++) {
					tmp[b] = acc / (2 * r + 1);
					acc += get(a, Math.min(n - 1, b + r + 1)) - get(a, Math.max(0, b - r));
				}
				for (let b = 0; b < n; b++) set(a, b, tmp[b] as number);
			}
		};
		const d = this.data;
		pass(
			(y, x) => d[y * n + x] as number,
			(y, x, val) => {
				d[y * n + x] = val;
			},
		);
		pass(
			(x, y) => d[y * n + x] as number,
			(x, y, val) => {
				d[y * n + x] = val;
			},
		);
	}
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
	const t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
	return t * t * (3 - 2 * t);
}

/** Points along a quadratic Bézier curve. */
export function bezier(
	p0: readonly [number, number],
	p1: readonly [number, number],
	p2: readonly [number, number],
	steps = 16,
): [number, number][] {
	const out: [number, number][] = [];
	for (let k = 0; k <= steps; k++) {
		const t = k / steps,
			m = 1 - t;
		out.push([
			m * m * p0[0] + 2 * m * t * p1[0] + t * t * p2[0],
			m * m * p0[1] + 2 * m * t * p1[1] + t * t * p2[1],
		]);
	}
	return out;
}
