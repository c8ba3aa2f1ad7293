import type { WebContents } from 'electron';
import { appOrigin } from './appOrigin.js';

/**
 * Electron security checklist: "13. Disable or limit navigation" (the window stays on the app's own
 * origin), "14. Disable or limit creation of new windows" (none is ever opened) and "15. Do not use
 * shell.openExternal with untrusted content" (only an https link goes to the user's browser, never a
 * file:, javascript: or custom-scheme URL). <webview> is refused too ("12. Verify WebView options").
 */
export function limitNavigation(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
	contents.on('will-navigate', (event, url) => {
		if (!appOrigin.owns(url)) event.preventDefault();
	});
	contents.on('will-redirect', (event, url) => {
		if (!appOrigin.owns(url)) event.preventDefault();
	});
	contents.setWindowOpenHandler(({ url }) => {
		// Links to documentation may open in the user's browser; never as an Electron window.
		if (isHttps(url)) openExternal(url).catch(() => undefined);
		return { action: 'deny' };
	});
	contents.on('will-attach-webview', (event) => event.preventDefault());
}

function isHttps(url: string): boolean {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
	} catch {
		return false;
	}
}
