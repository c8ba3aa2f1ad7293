import { Prng } from '../../src/common/phantoms/Prng.js';
import { descendants, type CampaignServer } from './servedForCampaign.js';

export interface ModelKillFigures {
	kills: number;
	draftsAnswered: Record<string, number>;
	serverExits: number;
	healthChecksFailed: number;
	draftAfterwards: number | null;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kills the model process at random moments of drafts (loading, prompting, generating). */
export async function modelKillCampaign(
	server: CampaignServer,
	kills: number,
	seed: number,
): Promise<ModelKillFigures> {
	const rng = new Prng(seed);
	const f: ModelKillFigures = {
		kills: 0,
		draftsAnswered: {},
		serverExits: 0,
		healthChecksFailed: 0,
		draftAfterwards: null,
	};
	const loaded = (await server.call('demo.load', { count: 3 })).body as { studyIds: number[] };
	const studyIds = loaded.studyIds;
	for (let round = 0; f.kills < kills && round < kills * 4; round++) {
		const studyId = studyIds[round % studyIds.length]!;
		const draft = server.call('report.draft', { studyId, regenerate: true }).catch(() => null);
		await pause(rng.int(20, 4000));
		const model = descendants(server.process.pid!).find((p) => p.cmdline.includes('modelProcessMain'));
		if (model) {
			try {
				process.kill(model.pid, 'SIGKILL');
				f.kills++;
			} catch {
				// It ended between the listing and the kill.
			}
		}
		const answer = await draft;
		const key = answer ? String(answer.status) : 'no answer';
		f.draftsAnswered[key] = (f.draftsAnswered[key] ?? 0) + 1;
		if (!server.alive()) {
			f.serverExits++;
			break;
		}
		const health = await server.call('worklist.list', {}).catch(() => null);
		if (health?.status !== 200) f.healthChecksFailed++;
	}
	if (server.alive()) {
		const last = await server.call('report.draft', { studyId: studyIds[0]!, regenerate: true }).catch(() => null);
		f.draftAfterwards = last?.status ?? null;
	}
	return f;
}
