import { useSyncExternalStore } from 'react';
import { readingSession } from './readingSession.js';

/** Whether the workstation holds the reader's latest place (a render signal for tests and a reload). */
export function usePlaceSaved(): boolean {
	return useSyncExternalStore(readingSession.subscribe, readingSession.saved);
}
