/* @jsxRuntime automatic */ // Also when run outside Vite (its unit test renders it through tsx).
import type { ModelDevice } from './useModelDevice.js';

/** "GPU 33/33 layers" or "CPU": where the language model runs, so a slow draft can be told from a busy GPU. */
export function ModelDeviceStatus({ device: d }: { device: ModelDevice | null }) {
	if (!d) return null;
	const onGpu = d.gpu !== null && d.offloadedLayers > 0;
	const title = onGpu
		? `Language model on the GPU (${d.gpu}): ${d.offloadedLayers} of ${d.totalLayers} layers`
		: `Language model on the CPU: ${d.offloadedLayers} of ${d.totalLayers} layers on a GPU`;
	return (
		<span
			className="muted"
			data-testid="model-device"
			data-offloaded-layers={d.offloadedLayers}
			data-total-layers={d.totalLayers}
			title={title}
		>
			{onGpu ? `GPU ${d.offloadedLayers}/${d.totalLayers} layers` : 'CPU'}
		</span>
	);
}
