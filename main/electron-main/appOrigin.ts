/**
 * The app's own origin, radialog://app. Electron security checklist, "18. Avoid usage of the file://
 * protocol and prefer usage of custom protocols": the page is served from this origin only, so every
 * other policy (navigation, requests, IPC senders) can be stated as "this origin and nothing else".
 */
export const appOrigin = {
	scheme: 'radialog',
	host: 'app',
	href: 'radialog://app',
	/** True for a well-formed URL on this origin: no credentials, no port, whatever the path. */
	owns(url: string): boolean {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			return false;
		}
		return (
			parsed.protocol === 'radialog:' && parsed.host === 'app' && parsed.username === '' && parsed.password === ''
		);
	},
} as const;
