/**
 * The fault campaign of the robustness issue, against the real server process, the real receiver,
 * the real model process and real SQLite. Prints its figures and whether each goal holds; exits 1
 * when one does not.
 *
 *   npx tsx bench/faultCampaign.ts [--files 320] [--requests 1000] [--kills 20] [--saves 20] [--seed 7]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bridgeCampaign } from './faults/bridgeCampaign.js';
import { importCampaign, sampleSources } from './faults/importCampaign.js';
import { modelKillCampaign } from './faults/modelKillCampaign.js';
import { receiverCampaign } from './faults/receiverCampaign.js';
import { saveKillCampaign } from './faults/saveKillCampaign.js';
import { startCampaignServer } from './faults/servedForCampaign.js';

const { values } = parseArgs({
	options: {
		files: { type: 'string' },
		requests: { type: 'string' },
		kills: { type: 'string' },
		saves: { type: 'string' },
		seed: { type: 'string' },
	},
});
const seed = Number(values.seed ?? 7);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fault-campaign-'));
const goals: [string, boolean][] = [];
const started = Date.now();
const server = await startCampaignServer(path.join(work, 'data'));
try {
	await server.call('settings.update', { receiver: { idleTimeoutSeconds: 3 } });

	const imports = await importCampaign(server, work, Number(values.files ?? 320), seed);
	console.log('mutated DICOM imports', imports);
	goals.push(['>= 300 mutated files imported or refused', imports.files >= 300]);
	goals.push(['0 server exits, 0 hung imports', imports.serverExits === 0 && imports.hungBatches === 0]);
	goals.push(['every refusal has a reason', imports.refusedWithoutReason === 0]);
	goals.push(['0 instances under the wrong patient', imports.wrongPatient === 0 && imports.instancesChecked > 0]);
	goals.push(['no image request ends in an internal error', imports.framesInternalError === 0]);

	const receiver = await receiverCampaign(server, sampleSources()[0]!, 5);
	console.log('receiver abuse', receiver);
	goals.push([
		'receiver answers C-ECHO after every abuse round',
		receiver.echoesFailed === 0 && receiver.echoesAnswered > 0,
	]);
	goals.push(['receiver stores a file afterwards', receiver.storeAfterwards]);

	const bridge = await bridgeCampaign(server, Number(values.requests ?? 1000), seed);
	console.log('bridge requests', bridge);
	goals.push(['>= 1000 requests, each answered', bridge.requests >= 1000 && bridge.noAnswer === 0]);
	goals.push(['the server answers throughout', bridge.serverExits === 0 && bridge.healthChecksFailed === 0]);

	const models = await modelKillCampaign(server, Number(values.kills ?? 20), seed);
	console.log('model process kills', models);
	goals.push(['>= 20 model-process kills, 0 server exits', models.kills >= 20 && models.serverExits === 0]);
	goals.push(['a draft works after the kills', models.draftAfterwards === 200]);
} finally {
	await server.stop();
}
const saves = await saveKillCampaign(work, Number(values.saves ?? 20));
console.log('SIGKILL during saves', saves);
goals.push(['20 SIGKILLs during saves: 0 lost, integrity ok', saves.kills >= 20 && saves.lostAcknowledgedSaves === 0]);
goals.push(['no torn text, integrity_check ok', saves.tornTexts === 0 && saves.integrityFailures === 0]);

fs.rmSync(work, { recursive: true, force: true });
console.log(`\nfault campaign, ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const [goal, met] of goals) console.log(`${met ? 'met    ' : 'NOT MET'}  ${goal}`);
process.exitCode = goals.every(([, met]) => met) ? 0 : 1;
