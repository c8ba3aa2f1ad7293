import type { IpcMainInvokeEvent } from 'electron';
import { appOrigin } from './appOrigin.js';

/**
 * Electron security checklist, "17. Validate the sender of all IPC messages": only the top frame of a
 * page on the app's own origin may call the API. A frame that is gone (senderFrame null), a subframe,
 * or a page that navigated elsewhere is refused.
 */
export function isAppSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
	const frame = event.senderFrame;
	return frame !== null && frame.parent === null && appOrigin.owns(frame.url);
}
