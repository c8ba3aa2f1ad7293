import { shell, type Session, type WebContents } from 'electron';
import { appOrigin } from './appProtocol.js';

/**
 * Checklist "Handle session permission requests" and "Do not load remote content": nothing is
 * granted, and any request leaving the app's own protocol is cancelled, so no data leaves the machine.
 */
export function hardenSession(ses: Session): void {
	ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
	ses.setPermissionCheckHandler(() => false);
	ses.webRequest.onBeforeRequest((details, callback) => {
		const allowed = details.url.startsWith(`${appOrigin}/`) || details.url.startsWith('devtools://');
		callback({ cancel: !allowed });
	});
}

/** Checklist "Limit navigation" and "Limit the creation of new windows". */
export function hardenWebContents(wc: WebContents): void {
	wc.on('will-navigate', (event, url) => {
		if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
	});
	wc.setWindowOpenHandler(({ url }) => {
		// Links to documentation may open in the user's browser; never as an Electron window.
		if (url.startsWith('https://')) void shell.openExternal(url);
		return { action: 'deny' };
	});
	wc.on('will-attach-webview', (event) => event.preventDefault());
}
