import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ModelDeviceStatus } from '../../../renderer/src/shell/ModelDeviceStatus.js';

const render = (gpu: string | null, offloadedLayers: number, totalLayers: number) =>
	renderToStaticMarkup(
		createElement(ModelDeviceStatus, { device: { type: 'models.device', gpu, offloadedLayers, totalLayers } }),
	);

test('the status bar shows the layers on the GPU, or CPU, with both counts for tests and tooltips', () => {
	const gpu = render('cuda', 33, 33);
	assert.match(gpu, />GPU 33\/33 layers</);
	assert.match(gpu, /data-offloaded-layers="33" data-total-layers="33"/);
	assert.match(gpu, /title="Language model on the GPU \(cuda\): 33 of 33 layers"/);
	assert.match(render('cuda', 20, 33), />GPU 20\/33 layers</);
	const cpu = render(null, 0, 3);
	assert.match(cpu, />CPU</);
	assert.match(cpu, /data-offloaded-layers="0" data-total-layers="3"/);
	assert.match(render('vulkan', 0, 33), />CPU</, 'a GPU that took no layers is the CPU');
});

test('nothing is shown before models are loaded', () => {
	assert.equal(renderToStaticMarkup(createElement(ModelDeviceStatus, { device: null })), '');
});
