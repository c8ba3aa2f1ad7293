import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Settings } from '../../../src/common/api/appContract.js';
import type { ApiEvent } from '../../../src/common/api/events.js';
import { AssistantProvider } from '../../../src/node/assistant/AssistantProvider.js';
import { createReportAssistant } from '../../../src/node/inference/createReportAssistant.js';
import { readFromModelProcess } from '../../../src/node/inference/process/protocol.js';
import { syntheticImage } from '../../fixtures/testImages.js';
import { testModelsDir } from '../../fixtures/testModels.js';

test('the offloaded layer count survives the process boundary schema (a GPU machine: 33 of 33)', () => {
	const placement = { gpu: 'cuda', offloadedLayers: 33, totalLayers: 33 };
	const ready = { type: 'ready', notice: null, device: 'GPU (cuda)', placement };
	assert.deepEqual(readFromModelProcess({ type: 'event', event: ready }), { type: 'event', event: ready });
	assert.throws(() =>
		readFromModelProcess({ type: 'event', event: { ...ready, placement: { ...placement, offloadedLayers: -1 } } }),
	);
});

test('the model process reports its layers on the GPU to the workstation: on this CPU, 0 of 3', async () => {
	const events: ApiEvent[] = [];
	const provider = new AssistantProvider(
		{ get: () => ({ modelsDir: testModelsDir() }) as Settings },
		{ emit: (e) => events.push(e) },
		(o) => createReportAssistant({ ...o, threads: 1 }),
		null,
	);
	try {
		await (await provider.get()).predictFindings(syntheticImage(3));
	} finally {
		await provider.stop();
	}
	const device = events.filter((e) => e.type === 'models.device');
	// The tiny test LLM has 2 blocks; llama.cpp counts its output layer as a third.
	assert.deepEqual(device, [{ type: 'models.device', gpu: null, offloadedLayers: 0, totalLayers: 3 }]);
	const ready = events.findIndex((e) => e.type === 'progress' && e.done && /Models ready on CPU/.test(e.label));
	assert.ok(ready > events.indexOf(device[0]!), 'the placement is known when the models are ready');
});
