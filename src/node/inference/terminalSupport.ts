import fs from 'node:fs';
import path from 'node:path';
import type { ModelEvent } from '../../common/radialog/ModelEvent.js';
import { projectRoot } from '../workstation/projectRoot.js';

/** The shipped demo set (models/demo/manifest.json), the default of the CLI and the app. */
export function defaultModelsDir(): string {
	return path.join(projectRoot(), 'models', 'demo');
}

/** Every file under a folder (sorted), or the file itself. */
export function filesUnder(p: string): string[] {
	const st = fs.statSync(p);
	if (!st.isDirectory()) return [p];
	const out: string[] = [];
	for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (e.name.startsWith('.')) continue;
		const q = path.join(p, e.name);
		if (e.isDirectory()) out.push(...filesUnder(q));
		else if (e.isFile()) out.push(q);
	}
	return out;
}

/**
 * Draws model progress on a terminal stream: a bar while loading, a status while encoding and
 * generating. On a non-terminal stream it writes one line per stage instead of redrawing.
 */
export function progressPrinter(stream: NodeJS.WriteStream): { onEvent: (e: ModelEvent) => void; clear: () => void } {
	const tty = Boolean(stream.isTTY);
	let shown = '';
	let lastStage = '';
	const draw = (line: string, stage: string) => {
		if (tty) {
			stream.write(`\r\x1b[2K${line}`);
			shown = line;
		} else if (stage !== lastStage) stream.write(`${line}\n`);
		lastStage = stage;
	};
	const bar = (f: number) => `[${'#'.repeat(Math.round(f * 24)).padEnd(24, '.')}] ${Math.round(f * 100)}%`;
	const names = {
		verifying: 'Checking model files',
		vision: 'Loading image models',
		'language-model': 'Loading language model',
	};
	return {
		onEvent(e) {
			if (e.type === 'loading') draw(`${names[e.stage]} ${bar(e.fraction)}`, e.stage);
			else if (e.type === 'encoding') draw('Encoding the image…', 'encoding');
			else if (e.type === 'classifying') draw('Classifying findings…', 'classifying');
			else if (e.type === 'generating')
				draw(
					`Writing… ${e.tokens} tokens` +
						(e.tokensPerSecond ? `, ${e.tokensPerSecond.toFixed(1)} tokens/s` : ''),
					'generating',
				);
			else if (e.type === 'ready') draw(`Models ready on ${e.device}.`, 'ready');
			else if (e.type === 'notice' || e.type === 'crashed') {
				if (tty && shown) stream.write('\r\x1b[2K');
				shown = '';
				stream.write(
					(e.type === 'crashed' ? 'Model process stopped: ' : 'Notice: ') +
						`${e.type === 'notice' ? e.text : e.message}\n`,
				);
			}
		},
		clear() {
			if (tty && shown) stream.write('\r\x1b[2K');
			shown = '';
			lastStage = '';
		},
	};
}
