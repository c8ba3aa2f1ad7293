/**
 * Opening a study while the background queue drafts others, with the demo models on this machine's
 * CPU: time from the reader's open to the predicted findings and to the first draft token. Baseline
 * in the same run: the same open on an idle workstation. Rounds alternate idle and busy; medians.
 * Goals (issue "The whole reading day in the UI"): findings <= 1 s and first token <= 2 s while busy.
 *
 *   npx tsx bench/openWhileBusy.ts [--rounds 3] [--studies 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiEvent } from '../src/common/api/events.js';
import { Workstation } from '../src/node/workstation/Workstation.js';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, studies: { type: 'string' } } });
const rounds = Number(values.rounds ?? 3);
const studies = Number(values.studies ?? 20);
process.env.RADIALOG_RECEIVER_PORT = 'off';

interface Timing {
	readonly findingsMs: number;
	readonly firstTokenMs: number;
}

/** Loads the demo studies, optionally lets the queue start drafting, then opens the last study. */
async function openStudy(busy: boolean): Promise<Timing> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-while-busy-'));
	const ws = new Workstation({ dataDir: dir, shell: 'browser' });
	try {
		const events: { at: number; e: ApiEvent }[] = [];
		ws.events.subscribe((e) => events.push({ at: performance.now(), e }));
		const loaded = await ws.handlers['demo.load']({ count: studies });
		const opened = loaded.studyIds.at(-1)!;
		// Both cases start with the models loaded: the idle case drafts one other study first.
		if (!busy) await ws.handlers['report.draft']({ studyId: loaded.studyIds[0]!, regenerate: false });
		if (busy) {
			await ws.startBackground();
			// Busy means the queue is generating a draft for another study right now.
			while (!events.some(({ e }) => e.type === 'tokens' && e.studyId !== opened)) await pause(20);
		}
		const started = performance.now();
		let findingsAt = 0;
		const watch = (async () => {
			while (!findingsAt) {
				const s = await ws.handlers['report.open']({ studyId: opened });
				if (s.findings.some((f) => f.probability !== null)) findingsAt = performance.now();
				else await pause(10);
			}
		})();
		await ws.handlers['report.draft']({ studyId: opened, regenerate: false });
		await watch;
		const first = events.find(({ at, e }) => at >= started && e.type === 'tokens' && e.studyId === opened);
		if (!first) throw new Error('the opened study streamed no tokens');
		return { findingsMs: findingsAt - started, firstTokenMs: first.at - started };
	} finally {
		await ws.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function pause(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

const idle: Timing[] = [];
const busy: Timing[] = [];
for (let r = 0; r < rounds; r++) {
	idle.push(await openStudy(false));
	busy.push(await openStudy(true));
	console.log(
		`round ${r + 1}: idle findings ${idle.at(-1)!.findingsMs.toFixed(0)} ms, first token ` +
			`${idle.at(-1)!.firstTokenMs.toFixed(0)} ms; busy findings ${busy.at(-1)!.findingsMs.toFixed(0)} ms, ` +
			`first token ${busy.at(-1)!.firstTokenMs.toFixed(0)} ms`,
	);
}
const row = (name: string, pick: (t: Timing) => number, goalMs: number) => {
	const i = median(idle.map(pick));
	const b = median(busy.map(pick));
	const met = b <= goalMs ? 'met' : 'MISSED';
	const ratio = (b / i).toFixed(2);
	console.log(
		`${name}: busy ${b.toFixed(0)} ms, idle ${i.toFixed(0)} ms, ratio ${ratio}; goal <= ${goalMs} ms ${met}`,
	);
	return b <= goalMs;
};
const ok = [row('findings', (t) => t.findingsMs, 1000), row('first token', (t) => t.firstTokenMs, 2000)];
process.exitCode = ok.every(Boolean) ? 0 : 1;
