import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { syntheticImage } from '../../../test/fixtures/testImages.js';
import { testModelsDir } from '../../../test/fixtures/testModels.js';
import { seededRandom } from '../../../test/helpers/seededRandom.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { Settings } from '../../common/api/appContract.js';
import type { GeneratedText } from '../../common/radialog/ReportAssistant.js';
import { createReportAssistant } from '../inference/createReportAssistant.js';
import * as modelErrors from '../inference/modelErrors.js';
import { AssistantProvider } from './AssistantProvider.js';

const image = syntheticImage(3);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The folders a reader might pick: the good set, one missing its model files, a corrupt manifest, none. */
function folders(): { good: string; missing: string; corrupt: string; empty: string } {
	const good = testModelsDir();
	const root = tempDir('model-switch-');
	const [missing, corrupt, empty] = ['missing-files', 'corrupt-manifest', 'no-manifest'].map((name) => {
		fs.mkdirSync(path.join(root, name));
		return path.join(root, name);
	}) as [string, string, string];
	fs.copyFileSync(path.join(good, 'manifest.json'), path.join(missing, 'manifest.json'));
	fs.writeFileSync(
		path.join(corrupt, 'manifest.json'),
		fs.readFileSync(path.join(good, 'manifest.json')).subarray(0, 40),
	);
	return { good, missing, corrupt, empty };
}

type Outcome = { ok: GeneratedText } | { error: unknown };

const named = [
	modelErrors.ModelProcessClosed,
	modelErrors.ModelProcessCrashed,
	modelErrors.InvalidManifest,
	modelErrors.ModelFileMissing,
];

test(
	'60 model folder switches among broken folders and the good set, calls in flight: each ends named',
	{ timeout: 120_000 },
	async () => {
		const problems: unknown[] = [];
		const onProblem = (e: unknown) => problems.push(e);
		process.on('unhandledRejection', onProblem);
		process.on('uncaughtException', onProblem);
		const { good, missing, corrupt, empty } = folders();
		let modelsDir = good;
		const provider = new AssistantProvider(
			{ get: () => ({ modelsDir }) as Settings },
			{ emit: () => undefined },
			(o) => createReportAssistant({ ...o, threads: 1 }),
			null,
		);
		const draft = (): Promise<Outcome> =>
			provider
				.get()
				.then((a) => a.draftReport({ image, findings: ['Edema'] }))
				.then(
					(ok) => ({ ok }),
					(error: unknown) => ({ error }),
				);
		const random = seededRandom(60);
		const choices = [good, missing, corrupt, empty];
		const outcomes: Promise<Outcome>[] = [];
		try {
			for (let i = 0; i < 60; i++) {
				// The last switch waits for the broken folder's own error to come back from its model process.
				modelsDir = i === 59 ? missing : choices[Math.floor(random() * choices.length)]!;
				outcomes.push(draft(), draft());
				await (i === 59 ? outcomes.at(-1) : pause(random() * 60));
			}
			// The good set loads and drafts; a switch with its next draft in flight closes it.
			modelsDir = good;
			const loaded = await draft();
			assert.ok(
				'ok' in loaded,
				`the good set after the switching: ${'error' in loaded ? String(loaded.error) : ''}`,
			);
			outcomes.push(draft());
			await pause(random() * 300);
			modelsDir = corrupt;
			outcomes.push(draft());
			const settled = await Promise.all(outcomes);
			const names = new Map<string, number>();
			for (const [i, o] of settled.entries()) {
				const name = 'ok' in o ? 'ok' : (o.error as Error).name;
				names.set(name, (names.get(name) ?? 0) + 1);
				if ('error' in o)
					assert.ok(
						named.some((kind) => o.error instanceof kind),
						`call ${i}: ${String(o.error)}`,
					);
				else assert.ok(o.ok.tokenCount > 0);
			}
			const seen = JSON.stringify([...names]);
			assert.ok(
				['ModelFileMissing', 'ModelProcessClosed', 'InvalidManifest'].every((n) => names.has(n)),
				seen,
			);
			await pause(50);
			assert.deepEqual(problems, []);
		} finally {
			process.off('unhandledRejection', onProblem);
			process.off('uncaughtException', onProblem);
			await provider.stop();
		}
	},
);
