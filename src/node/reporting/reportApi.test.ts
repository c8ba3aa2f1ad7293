import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { insertStudy } from '../../../test/helpers/reportingFixture.js';
import { ScriptedAssistant, testImage } from '../../../test/helpers/ScriptedAssistant.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { apiContract, type ApiMethod, type ApiOutput } from '../../common/api/contract.js';
import { ApiDispatcher } from '../bridge/ApiDispatcher.js';
import { Workstation } from '../workstation/Workstation.js';

/** The model stack and the image decoding replaced: the study rows have no image files. */
const scriptedModels = () => ({
	assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Edema: 0.8 })) },
	images: { studyImage: () => Promise.resolve(testImage) },
});

test('the report API through the dispatcher: outputs match the contract, errors carry codes', async () => {
	const dir = tempDir();
	const ws = new Workstation({ dataDir: dir, shell: 'browser', modelStandIn: scriptedModels() });
	try {
		const studyId = insertStudy(ws.db);
		const api = new ApiDispatcher(ws.handlers);
		const call = async <M extends ApiMethod>(method: M, input: unknown): Promise<ApiOutput<M>> => {
			const out = await api.dispatch(method, input);
			const parsed = apiContract[method].output.safeParse(out);
			assert.ok(parsed.success, `${method} output: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
			return out as ApiOutput<M>;
		};
		await assert.rejects(api.dispatch('report.export', { studyId, formats: ['pdf'] }), { code: 'not_found' });
		const drafted = await call('report.draft', { studyId });
		assert.equal(drafted.report?.findings, 'There is pulmonary edema.');
		await call('report.decideFinding', { studyId, label: 'Edema', decision: 'rejected' });
		await call('report.decideFinding', { studyId, label: 'Cardiomegaly', decision: 'accepted' });
		const corrected = await call('report.applyCorrections', { studyId });
		assert.equal(corrected.report?.findings, 'The heart is enlarged.');
		await call('report.save', { studyId, findings: corrected.report?.findings, impression: 'Cardiomegaly.' });
		const versions = await call('report.versions', { studyId });
		assert.deepEqual(
			versions.map((v: { source: string }) => v.source),
			['draft', 'correction', 'edit'],
		);
		const diff = await call('report.diff', { studyId, from: 1, to: 2 });
		assert.ok(diff.some((d: { op: string; text: string }) => d.op === 'delete' && /edema/.test(d.text)));
		await call('report.ask', {
			studyId,
			request: { task: 'RQA', region: 'heart', question: 'Is the heart enlarged?' },
		});
		await assert.rejects(api.dispatch('report.ask', { studyId, request: { task: 'XX' } }), { code: 'bad_request' });
		assert.deepEqual((await call('report.check', { studyId })).issues, []);
		await assert.rejects(api.dispatch('report.sign', { studyId }), { code: 'bad_request' }, 'no reader name yet');
		await call('settings.update', { readerName: 'Dr. API', exportFolder: path.join(dir, 'out') });
		const signed = await call('report.sign', { studyId });
		assert.equal(signed.report?.status, 'signed');
		await assert.rejects(api.dispatch('report.save', { studyId, findings: 'x', impression: 'y' }), {
			code: 'conflict',
		});
		await call('report.addendum', { studyId, text: 'Late addendum.' });
		await call('report.handout.generate', { studyId });
		await call('report.handout.save', { studyId, text: 'Your heart is a bit big.' });
		const { files } = await call('report.export', {
			studyId,
			formats: ['pdf', 'text', 'sr', 'fhir', 'hl7', 'handout'],
			includeKeyImage: false,
		});
		for (const f of files) assert.ok(fs.statSync(f.path).size > 100, f.path);
		const audit = await call('report.audit', { studyId });
		assert.ok(audit.length >= 12);
		await call('report.exportDataset', {});
		assert.equal((await call('report.open', { studyId })).studyStatus, 'signed');
	} finally {
		await ws.close();
	}
});
