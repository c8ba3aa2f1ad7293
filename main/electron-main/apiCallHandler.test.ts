import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IpcMainInvokeEvent } from 'electron';
import { ApiError } from '../../src/common/api/errors.js';
import { apiCallHandler } from './apiCallHandler.js';

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;
const app = { senderFrame: { url: 'radialog://app/index.html', parent: null } } as unknown as Sender;
const stranger = { senderFrame: { url: 'https://example.org/', parent: null } } as unknown as Sender;

function handlerWith(dispatch: (method: string, input: unknown) => Promise<unknown>) {
	const calls: [string, unknown][] = [];
	const handler = apiCallHandler({
		dispatch: (method, input) => {
			calls.push([method, input]);
			return dispatch(method, input);
		},
	});
	return { handler, calls };
}

test('a call from the app reaches the dispatcher and its value comes back', async () => {
	const { handler, calls } = handlerWith(() => Promise.resolve({ studies: [] }));
	assert.deepEqual(await handler(app, 'studies.list', { limit: 5 }), { ok: true, value: { studies: [] } });
	assert.deepEqual(calls, [['studies.list', { limit: 5 }]]);
});

test('service errors come back as error bodies, not rejections', async () => {
	const { handler } = handlerWith(() => Promise.reject(new ApiError('not_found', 'No such study.')));
	assert.deepEqual(await handler(app, 'studies.get', {}), {
		ok: false,
		error: { code: 'not_found', message: 'No such study.' },
	});
	const crash = handlerWith(() => Promise.reject(new Error('disk full')));
	assert.deepEqual(await crash.handler(app, 'studies.get', {}), {
		ok: false,
		error: { code: 'internal', message: 'disk full' },
	});
});

test('a call from an unknown sender is refused before the dispatcher sees it', async () => {
	const { handler, calls } = handlerWith(() => Promise.resolve('secret'));
	await assert.rejects(handler(stranger, 'studies.list', {}), { name: 'UnknownSenderError' });
	await assert.rejects(handler({ senderFrame: null }, 'studies.list', {}), {
		name: 'UnknownSenderError',
	});
	assert.deepEqual(calls, []);
});
