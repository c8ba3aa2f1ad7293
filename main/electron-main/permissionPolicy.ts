import type { Session } from 'electron';

/**
 * Electron security checklist, "5. Handle session permission requests from remote content": the
 * workstation needs no camera, microphone, location, notifications or clipboard reads, so every
 * request and every check is answered no.
 */
export function denyAllPermissions(ses: Session): void {
	ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
	ses.setPermissionCheckHandler(() => false);
}
