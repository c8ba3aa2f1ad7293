import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ProgressEvent } from '../../../src/common/api/events.js';
import { useClient } from '../api/ClientContext.js';

type Progress = z.infer<typeof ProgressEvent>;

/** Running jobs by id; a finished job lingers briefly so its last state can be read. */
export function useProgress(): Progress[] {
	const client = useClient();
	const [jobs, setJobs] = useState<Map<string, Progress>>(new Map());
	useEffect(
		() =>
			client.onEvent((e) => {
				if (e.type !== 'progress') return;
				setJobs((prev) => new Map(prev).set(e.jobId, e));
				if (e.done)
					setTimeout(
						() =>
							setJobs((prev) => {
								const next = new Map(prev);
								next.delete(e.jobId);
								return next;
							}),
						e.error ? 15000 : 3000,
					);
			}),
		[client],
	);
	return [...jobs.values()];
}
