import type { BackgroundService } from './BackgroundService.js';
import type { WorkstationModule } from './WorkstationModule.js';

/** A module used before its background work started, or after it was stopped without loading. */
export class ModuleNotLoadedError extends Error {
	constructor(name: string) {
		super(`The ${name} is not loaded yet: start the workstation's background services first.`);
		this.name = 'ModuleNotLoadedError';
	}
}

/**
 * A module without API calls of its own whose code (and heavy packages) loads when its background work
 * starts, after the UI's door is open, rather than with the workstation. `loaded` gives it once loaded.
 */
export class LazyModule<M extends WorkstationModule> {
	private module: M | null = null;
	private loading: Promise<M> | null = null;
	readonly background: readonly BackgroundService[];

	constructor(
		private readonly name: string,
		private readonly build: () => Promise<M>,
	) {
		// The module's own background services, started and stopped in their order once it is loaded.
		this.background = [
			{
				start: async () => {
					for (const s of (await this.load()).background) await s.start();
				},
				stop: async () => {
					for (const s of [...(this.module?.background ?? [])].reverse()) await s.stop();
				},
			},
		];
	}

	load(): Promise<M> {
		this.loading ??= this.build().then((m) => (this.module = m));
		return this.loading;
	}

	get loaded(): M {
		if (!this.module) throw new ModuleNotLoadedError(this.name);
		return this.module;
	}
}
