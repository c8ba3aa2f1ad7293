import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { EventBus } from '../events/EventBus.js';
import type { StudyImporter } from '../studies/index.js';
import { ReceiverService } from './ReceiverService.js';

const run = promisify(execFile);

test('the receiver limits come from the settings: one association at most, then echo is rejected', async () => {
	const probe = net.createServer();
	await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
	const port = (probe.address() as net.AddressInfo).port;
	await new Promise((r) => probe.close(r));
	process.env.RADIALOG_RECEIVER_PORT = String(port);
	const settings = {
		enabled: true,
		port,
		aeTitle: 'RADIALOG',
		maxPduBytes: 262_144,
		idleTimeoutSeconds: 30,
		maxAssociations: 1,
	};
	const service = new ReceiverService(
		() => settings,
		{} as StudyImporter,
		path.join(tempDir('radialog-recv-service-'), 'incoming'),
		new EventBus(),
		() => undefined,
	);
	await service.start();
	const held = net.connect(port, '127.0.0.1');
	try {
		await new Promise((r) => held.on('connect', r));
		await new Promise((r) => setTimeout(r, 100));
		await assert.rejects(run('echoscu', ['-to', '5', '-aec', 'RADIALOG', '127.0.0.1', String(port)]), /reject/i);
	} finally {
		held.destroy();
		await service.stop();
		delete process.env.RADIALOG_RECEIVER_PORT;
	}
});
