import type { AppInfo } from '../../../src/common/api/appContract.js';
import { OutboxStatus } from '../outbox/OutboxStatus.js';
import { ModelDeviceStatus } from './ModelDeviceStatus.js';
import { useModelDevice } from './useModelDevice.js';
import { useProgress } from './useProgress.js';

export function StatusBar({ info }: { info: AppInfo | null }) {
	const jobs = useProgress();
	const device = useModelDevice();
	return (
		<footer className="status-bar" data-testid="status-bar">
			{jobs.map((j) => (
				<span
					key={j.jobId}
					className={j.error ? 'job job-error' : 'job'}
					role="status"
					data-task={j.task}
					data-done={String(j.done)}
				>
					{j.label}
					{j.fraction !== null && <progress max={1} value={j.fraction} />}
					{j.error && <span className="job-error-text"> — {j.error}</span>}
				</span>
			))}
			<span className="spacer" />
			<OutboxStatus />
			<ModelDeviceStatus device={device} />
			{info && (
				<span className="muted">
					{info.shell === 'browser' ? 'Browser mode' : 'Desktop'} · v{info.version} · data: {info.dataDir}
				</span>
			)}
		</footer>
	);
}
