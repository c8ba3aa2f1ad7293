import { setTimeout as sleep } from 'node:timers/promises';
import type { OutboxItem } from '../../src/common/api/outboxContract.js';
import { Workstation } from '../../src/node/workstation/Workstation.js';
import { ScriptedAssistant, testImage } from './ScriptedAssistant.js';

/**
 * A whole workstation on `dataDir` with the model stack stood in, its receiver off, and short outbox
 * waits (100 ms doubling to 400 ms) so a test sees retries without sleeping long. Background started.
 */
export async function openOutboxWorkstation(dataDir: string): Promise<Workstation> {
	const ws = new Workstation({
		dataDir,
		shell: 'browser',
		modelStandIn: {
			assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Cardiomegaly: 0.9 })) },
			images: { studyImage: () => Promise.resolve(testImage) },
		},
		outbox: { timing: { firstMs: 100, maxMs: 400 }, mllpTimeoutMs: 1000 },
	});
	ws.settings.update({ readerName: 'Dr. Ada Reader', receiver: { enabled: false } });
	await ws.startBackground();
	return ws;
}

/** Drafts, writes and signs the study's report through the API, as the UI does. */
export async function signReport(ws: Workstation, studyId: number, findings: string, impression: string) {
	await ws.handlers['report.draft']({ studyId, regenerate: false });
	await ws.handlers['report.save']({ studyId, findings, impression });
	return ws.handlers['report.sign']({ studyId, acknowledgeIssues: true });
}

/** Waits (up to `ms`) until the outbox's items for the study satisfy `done`; returns them. */
export async function outboxItemsOf(
	ws: Workstation,
	studyId: number,
	done: (items: OutboxItem[]) => boolean,
	ms = 20_000,
): Promise<OutboxItem[]> {
	const deadline = Date.now() + ms;
	for (;;) {
		const items = (await ws.handlers['outbox.list']({})).items.filter((i) => i.studyId === studyId);
		if (done(items)) return items;
		if (Date.now() > deadline) throw new Error(`Outbox items not as expected: ${JSON.stringify(items)}`);
		await sleep(50);
	}
}
