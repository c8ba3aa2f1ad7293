import type { ApiEvent } from '../../common/api/events.js';

/** Where a service says what it is doing (progress, tokens, changed studies); the EventBus in the app. */
export interface EventSink {
	emit(event: ApiEvent): void;
}
