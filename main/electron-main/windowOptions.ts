import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Electron security checklist: "2. Do not enable Node.js integration for
 * remote content", "3. Enable context isolation", "4. Enable process sandboxing", "6. Do not disable
 * webSecurity", "8. Do not enable allowRunningInsecureContent", "9. Do not enable experimental
 * features", "10. Do not use enableBlinkFeatures" and, since the page never needs one, no <webview>
 * at all ("12. Verify WebView options before creation"). Each is stated even where it is Electron's
 * default, so a change of default cannot loosen the window unnoticed.
 */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
	return {
		width: 1600,
		height: 1000,
		backgroundColor: '#111418',
		title: 'RaDialog Workstation',
		webPreferences: {
			preload,
			contextIsolation: true,
			sandbox: true,
			nodeIntegration: false,
			nodeIntegrationInSubFrames: false,
			nodeIntegrationInWorker: false,
			webSecurity: true,
			allowRunningInsecureContent: false,
			experimentalFeatures: false,
			webviewTag: false,
			spellcheck: false,
		},
	};
}
