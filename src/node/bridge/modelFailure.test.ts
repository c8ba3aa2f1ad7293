import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { StandInModelLauncher } from '../../../test/helpers/StandInModelLauncher.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { Workstation } from '../workstation/Workstation.js';
import { ApiDispatcher } from './ApiDispatcher.js';
import { BrowserBridge } from './BrowserBridge.js';

test('a model process that dies answers HTTP 503 with the error name; the server keeps serving', async () => {
	const dir = tempDir('bridge-model-');
	const launcher = new StandInModelLauncher();
	// The first model call kills its process, as a crash in the middle of a draft would.
	launcher.afterCall = (pid) => {
		launcher.afterCall = null;
		process.kill(pid, 'SIGKILL');
	};
	const workstation = new Workstation({
		dataDir: path.join(dir, 'data'),
		shell: 'browser',
		modelProcessLauncher: launcher,
	});
	const bridge = new BrowserBridge(new ApiDispatcher(workstation.handlers), workstation.events, {
		rendererDir: dir,
	});
	await bridge.listen();
	const call = (method: string, body: unknown) =>
		fetch(`${bridge.origin}/api/${method}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-radialog-token': bridge.token },
			body: JSON.stringify(body),
		});
	try {
		assert.equal((await call('settings.update', { modelsDir: path.join(dir, 'models') })).status, 200);
		assert.equal((await call('demo.load', { count: 1 })).status, 200);
		const list = (await (await call('worklist.list', {})).json()) as { items: { studyId: number }[] };
		const studyId = list.items[0]!.studyId;

		const failed = await call('report.draft', { studyId });
		assert.equal(failed.status, 503);
		const { error } = (await failed.json()) as { error: { code: string; name: string; message: string } };
		assert.equal(error.code, 'unavailable');
		assert.equal(error.name, 'ModelProcessCrashed');
		assert.match(error.message, /^The AI model stopped unexpectedly; try again/);

		assert.equal((await call('worklist.list', {})).status, 200);
		const retried = await call('report.draft', { studyId });
		assert.equal(retried.status, 200, await retried.clone().text());
		const state = (await retried.json()) as { report: { findings: string } | null };
		assert.equal(state.report?.findings, 'No acute findings.');
		assert.equal(launcher.launches, 2);
	} finally {
		await bridge.close();
		await workstation.close();
	}
});
