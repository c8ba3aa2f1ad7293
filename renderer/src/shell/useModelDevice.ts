import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ModelDeviceEvent } from '../../../src/common/api/events.js';
import { useClient } from '../api/ClientContext.js';

export type ModelDevice = z.infer<typeof ModelDeviceEvent>;

/** Where the loaded language model runs, from the last `models.device` event; null until models load. */
export function useModelDevice(): ModelDevice | null {
	const client = useClient();
	const [device, setDevice] = useState<ModelDevice | null>(null);
	useEffect(
		() =>
			client.onEvent((e) => {
				if (e.type === 'models.device') setDevice(e);
				// A crashed model process frees its GPU; the next load reports again.
				else if (e.type === 'progress' && e.task === 'models' && e.error) setDevice(null);
			}),
		[client],
	);
	return device;
}
