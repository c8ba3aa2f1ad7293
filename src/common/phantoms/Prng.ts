/** A small seeded generator (mulberry32) so every phantom, report and dataset is reproducible from its seed. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = (seed >>> 0) ^ 0x9e3779b9;
		for (let i = 0; i < 4; i++) this.next();
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	range(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	int(lo: number, hiInclusive: number): number {
		return lo + Math.floor(this.next() * (hiInclusive - lo + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (!items.length) throw new RangeError('pick from an empty list');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Standard normal (Box-Muller). */
	normal(): number {
		const u = Math.max(this.next(), 1e-12);
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j] as T, items[i] as T];
		}
		return items;
	}

	/** An independent stream derived from this one, so adding draws in one part never shifts another. */
	fork(salt: number): Prng {
		return new Prng(Math.floor(this.next() * 4294967296) ^ Math.imul(salt, 0x85ebca6b));
	}
}
