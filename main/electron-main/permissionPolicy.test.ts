import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Session } from 'electron';
import { denyAllPermissions } from './permissionPolicy.js';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

test('every permission request and check is denied, even from the app itself', () => {
	let request: RequestHandler | undefined;
	let check: CheckHandler | undefined;
	const fake = {
		setPermissionRequestHandler: (h: RequestHandler) => (request = h),
		setPermissionCheckHandler: (h: CheckHandler) => (check = h),
	};
	denyAllPermissions(fake as unknown as Session);
	assert.ok(request && check);
	const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem'];
	for (const permission of permissions) {
		const answers: boolean[] = [];
		request(null, permission, (granted) => answers.push(granted));
		assert.deepEqual(answers, [false], permission);
		assert.equal(check(null, permission, 'radialog://app'), false, permission);
	}
});
