import type { WorkstationApi } from '../../../src/common/api/contract.js';
import type { UiState, UiStatePatch } from '../../../src/common/api/uiStateContract.js';

type Api = Pick<WorkstationApi, 'ui.get' | 'ui.update'>;

/**
 * The reader's place in the reading day as this window knows it: restored from the workstation on load
 * and written back after every change, one call at a time, the latest state winning. Kept by the server,
 * not the page, because browser mode gets a new port (and so empty page storage) at every launch.
 */
class ReadingSession {
	state: UiState = {
		worklist: {
			selectedStudyId: null,
			sort: { key: 'imported', direction: 'desc' },
			filters: { search: '', status: [], dateFrom: null, dateTo: null },
		},
		openStudyId: null,
	};
	private api: Api | null = null;
	private sending = false;
	private dirty = false;
	private readonly listeners = new Set<() => void>();

	async restore(api: Api): Promise<void> {
		this.api = api;
		try {
			this.state = await api['ui.get']({});
		} catch {
			// Without its saved place the worklist still opens, from the top.
		}
	}

	update(patch: UiStatePatch): void {
		const next: UiState = {
			worklist: { ...this.state.worklist, ...patch.worklist },
			openStudyId: patch.openStudyId === undefined ? this.state.openStudyId : patch.openStudyId,
		};
		if (JSON.stringify(next) === JSON.stringify(this.state)) return;
		this.state = next;
		this.dirty = true;
		this.notify();
		void this.send();
	}

	/** True once the workstation holds the latest state: a reload now comes back to the same place. */
	readonly saved = (): boolean => !this.dirty && !this.sending;

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	private async send(): Promise<void> {
		if (this.sending || !this.api) return;
		this.sending = true;
		while (this.dirty) {
			this.dirty = false;
			try {
				await this.api['ui.update'](this.state);
			} catch {
				// Losing the place is an inconvenience, never a reason to interrupt reading; the next change retries.
			}
		}
		this.sending = false;
		this.notify();
	}

	private notify(): void {
		for (const l of this.listeners) l();
	}
}

export const readingSession = new ReadingSession();
