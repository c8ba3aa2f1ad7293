import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ApiEvent } from '../../common/api/events.js';
import type { AutoFetchRule } from '../../common/api/pacsSettings.js';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { OrthancPeer } from '../../../test/helpers/OrthancPeer.js';
import { ScriptedAssistant, testImage } from '../../../test/helpers/ScriptedAssistant.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { Workstation } from '../workstation/Workstation.js';
import { AutoFetch } from './AutoFetch.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';
const standIn = () => ({
	assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Edema: 0.8 })) },
	images: { studyImage: () => Promise.resolve(testImage) },
});
const two = (n: number) => String(n).padStart(2, '0');
const dicomDate = (d: Date) => `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}`;

async function until<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('auto-fetch from a real Orthanc', { skip }, () => {
	const dir = tempDir();
	const fixture = (name: string, fields: Record<string, string>) =>
		makeDicomFixture(path.join(dir, 'files', `${name}.dcm`), 'dx16', fields);
	let orthanc: OrthancPeer;
	const data = path.join(dir, 'data');
	const open = () =>
		new Workstation({ dataDir: data, shell: 'browser', modelStandIn: standIn(), autoFetchMinuteMs: 100 });
	const rule = (r: Partial<AutoFetchRule> = {}): AutoFetchRule => ({
		enabled: true,
		pacsId: null,
		modalities: ['CR', 'DX'],
		lastHours: 48,
		everyMinutes: 1,
		...r,
	});
	const configure = (ws: Workstation, r: Partial<AutoFetchRule> = {}) =>
		ws.settings.update({
			pacs: {
				connections: [
					{
						id: 'main',
						name: 'Main PACS',
						kind: 'dicomweb',
						baseUrl: orthanc.dicomWebUrl,
						caFile: null,
						auth: { kind: 'none' },
					},
				],
				defaultId: 'main',
				autoFetch: rule(r),
			},
		});
	before(async () => {
		process.env.RADIALOG_RECEIVER_PORT = 'off';
		orthanc = await OrthancPeer.start();
	});
	after(async () => {
		delete process.env.RADIALOG_RECEIVER_PORT;
		await orthanc?.dispose();
	});

	test('a study pushed to the PACS is retrieved and drafted unopened; a restart repeats nothing', async () => {
		const yesterday = new Date(Date.now() - 20 * 3_600_000);
		let ws = open();
		const events: ApiEvent[] = [];
		ws.events.subscribe((e) => events.push(e));
		try {
			configure(ws);
			await ws.startBackground();
			await orthanc.storeFiles([
				fixture('recent', {
					pid: 'P-NEW',
					patient: 'Newly^Sent',
					study: '1.2.5.1',
					date: dicomDate(yesterday),
				}),
				fixture('old', { pid: 'P-OLD', patient: 'Long^Ago', study: '1.2.5.2', date: '20200101' }),
			]);
			const studyId = await until(
				'the study to be retrieved',
				() => ws.worklist.studiesByUid(['1.2.5.1'])[0]?.studyId,
			);
			await until('the draft', () => {
				const row = ws.worklist.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 }).items[0];
				return row?.studyId === studyId && row.status === 'drafted' ? row : undefined;
			});
			const report = ws.db.prepare('SELECT count(*) AS n FROM reports WHERE study_ref = ?').get(studyId) as {
				n: number;
			};
			assert.equal(report.n, 1, 'the draft is stored');
			assert.deepEqual(ws.worklist.studiesByUid(['1.2.5.2']), [], 'a study older than the rule is left');
			const errors = events.flatMap((e) => (e.type === 'progress' && e.error ? [e.error] : []));
			assert.deepEqual(errors, []);
		} finally {
			await ws.close();
		}
		ws = open();
		const after: ApiEvent[] = [];
		ws.events.subscribe((e) => after.push(e));
		try {
			await ws.startBackground();
			await until('a pass after the restart', () =>
				after.find((e) => e.type === 'progress' && e.jobId === 'pacs-autofetch' && e.done),
			);
			const retrieved = after.filter((e) => e.type === 'progress' && e.jobId.startsWith('retrieve:'));
			assert.deepEqual(retrieved, [], 'what is local is not retrieved again');
		} finally {
			await ws.close();
		}
	});

	test('the window is exact to the minute, passes never overlap, and a PACS that is down is reported', async () => {
		const ws = open();
		const events: ApiEvent[] = [];
		ws.events.subscribe((e) => events.push(e));
		try {
			configure(ws, { lastHours: 24 });
			await orthanc.storeFiles([
				fixture('morning', {
					pid: 'P-M',
					patient: 'Morning^Mo',
					study: '1.2.6.1',
					date: '20250310',
					time: '090000',
				}),
				fixture('afternoon', {
					pid: 'P-N',
					patient: 'After^Noon',
					study: '1.2.6.2',
					date: '20250310',
					time: '150000',
				}),
			]);
			const fetch = new AutoFetch(
				{ settings: { pacsSettings: () => ws.settings.get().pacs }, pacs: ws.pacs, events: ws.events },
				{ now: () => new Date(2025, 2, 11, 12, 0, 0) },
			);
			const first = fetch.runOnce();
			assert.equal(fetch.runOnce(), first, 'a second pass asked meanwhile joins the running one');
			await first;
			assert.deepEqual(ws.worklist.studiesByUid(['1.2.6.1']), [], '27 hours ago: outside the last 24 hours');
			assert.equal(ws.worklist.studiesByUid(['1.2.6.2'])[0]?.patientId, 'P-N');
			await orthanc.stop();
			try {
				await fetch.runOnce();
			} finally {
				await orthanc.start();
			}
			const last = events.filter((e) => e.type === 'progress' && e.jobId === 'pacs-autofetch').at(-1);
			assert.ok(last?.type === 'progress' && last.done);
			assert.match(last.error ?? '', /did not answer \(ECONNREFUSED\)/);
		} finally {
			await ws.close();
		}
	});
});
