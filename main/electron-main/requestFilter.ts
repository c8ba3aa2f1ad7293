import type { Session } from 'electron';
import { appOrigin } from './appOrigin.js';

/**
 * Electron security checklist, "1. Only load secure content": nothing is loaded from the network.
 * Every request that is not for the app's own radialog:// origin (or the developer tools' own pages)
 * is cancelled, so no study, report or image can leave the machine from the window.
 */
export function allowOnlyAppRequests(ses: Session): void {
	ses.webRequest.onBeforeRequest((details, callback) => {
		callback({ cancel: !isAllowed(details.url) });
	});
}

function isAllowed(url: string): boolean {
	return appOrigin.owns(url) || url.startsWith('devtools://');
}
