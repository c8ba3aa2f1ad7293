import type { ApiEvent } from '../../common/api/events.js';

export type EventListener = (event: ApiEvent) => void;

/** Fan-out of backend events to every connected window (Electron webContents or bridge WebSocket). */
export class EventBus {
	private readonly listeners = new Set<EventListener>();

	subscribe(listener: EventListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	emit(event: ApiEvent): void {
		for (const l of this.listeners) {
			try {
				l(event);
			} catch {
				/* a closed window must not stop the others from hearing */
			}
		}
	}
}
