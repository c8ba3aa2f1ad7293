import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Hl7Message } from '@medplum/core';
import type { Browser, Page } from 'playwright-core';
import { labelReport } from '../../src/common/labeler/labelReport.js';
import { positiveLabels } from '../../src/common/labeler/ReportLabels.js';
import { generatePhantomStudies } from '../../src/node/phantoms/generatePhantomStudies.js';
import { testModelsDir } from '../fixtures/testModels.js';
import { checkDiagnosticReport } from '../helpers/fhirStructure.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { ReportPage } from './pages/ReportPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

// The demo models (trained on phantoms) when built; otherwise the tiny random test model set, which runs the
// same model process and streaming but writes nonsense, so the correction's content is checked only with demo models.
const demoModels = path.resolve('models/demo');
const haveDemo = fs.existsSync(path.join(demoModels, 'manifest.json'));
const modelKind = haveDemo ? 'demo' : 'random test';
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const phantoms = tempDir('radialog-e2e-phantoms-');
const exportsDir = tempDir('radialog-e2e-exports-');
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `reporting-${name}.png`) });
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

before(async () => {
	// Seeds 4..6: opacity; cardiomegaly, edema and devices; a right pleural effusion (the study opened below).
	generatePhantomStudies({ outDir: phantoms, count: 3, firstSeed: 4, size: 512 });
	fs.rmSync(path.join(phantoms, 'ground-truth.json'));
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-data-')));
});
after(() => closeServedPage(browser, served));

const everything = 'import phantoms, draft streams, reject and apply, easy language, sign, export everything';
test(`${everything} (${modelKind} models)`, async () => {
	const modelsDir = haveDemo ? demoModels : testModelsDir();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const shell = new WorkstationPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	// The reader's settings, through the same API the settings screen uses.
	await page.evaluate(
		async (body) => {
			const res = await fetch('/api/settings.update', {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-radialog-token': sessionStorage.getItem('radialog-token') ?? '',
				},
				body,
			});
			if (!res.ok) throw new Error(await res.text());
		},
		JSON.stringify({ readerName: 'Dr. E2E Reader', exportFolder: exportsDir, modelsDir, llmThreads: 1 }),
	);
	const report = new ReportPage(page);
	await report.watchStreaming();

	const worklist = new WorklistPage(page);
	const imported = await worklist.importFolder(phantoms);
	assert.equal(imported.imported, 3, imported.summary);
	await worklist.waitForTotal(3);
	await shot('1-worklist');
	// Open the newest study at once (the background queue, oldest first, reaches it last):
	// the pane drafts it, streaming.
	await worklist.search('PH000006');
	await worklist.waitForTotal(1);
	await worklist.openWithKeyboard(0);
	await report.root.waitFor();
	await report.waitReady();
	await shot('2-drafted');
	assert.ok((await report.longestStreamSeen()) > 0, 'the draft streamed into the pane');
	assert.match(await report.draftBanner.innerText(), /DRAFT — AI-generated, not signed/);
	const notice = await report.notice.innerText();
	assert.match(notice, /demo|synthetic|random|not for clinical/i);
	const draft = await report.findingsText.inputValue();
	assert.ok(draft.length > 20, `a draft was written: ${draft}`);

	// Reject a finding the draft states (or the first predicted one) and apply: the assistant rewrites.
	const stated = positiveLabels(labelReport(draft)).filter((l) => l !== 'No Finding' && l !== 'Support Devices');
	const positive = (await report.positiveFindings()).filter((l) => l !== 'No Finding');
	const target = stated.find((l) => positive.includes(l)) ?? positive[0];
	assert.ok(
		target,
		`the draft has a finding to reject (stated ${stated.join(',')}, predicted ${positive.join(',')})`,
	);
	console.log(`draft (${modelKind} models): ${draft}\nrejecting ${target}`);
	await report.reject(target);
	await shot('3-rejected');
	await report.apply();
	assert.ok((await report.longestStreamSeen()) > 0, 'the regenerated draft streamed into the pane');
	const corrected = await report.findingsText.inputValue();
	console.log(`corrected: ${corrected}`);
	assert.equal(await report.finding(target).getAttribute('data-positive'), 'false');
	if (haveDemo) {
		assert.notEqual(corrected, draft);
		// The demo LLM's correction turn (bench/demo-models.ts measures it on held-out phantoms).
		assert.ok(
			!positiveLabels(labelReport(corrected)).some((l) => l === target),
			`the new draft no longer states ${target}: ${corrected}`,
		);
	}
	await shot('4-corrected');

	await report.impressionText.fill('No acute cardiopulmonary process on this synthetic phantom.');
	await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

	const easy = await report.ask('EL');
	assert.ok(easy.length > 10, easy);
	assert.ok(await page.getByTestId('chat-notice').isVisible(), 'the model notice shows beside model output');
	await shot('5-easy-language');

	const issues = await report.sign();
	await shot('6-signed');
	assert.equal(await page.getByTestId('signed-by').innerText(), 'Dr. E2E Reader');
	assert.equal(await report.draftBanner.count(), 0, 'no draft banner on a signed report');
	assert.equal(await report.findingsText.getAttribute('readonly'), '', 'the signed text is read-only');

	const files = await report.exportAll({ keyImage: true });
	const handoutFile = await report.handout((t) => `${t}\n\nYour radiologist has checked this explanation.`);
	await shot('7-exported');
	const pdf = pdfText(files.pdf!);
	assert.ok(pdf.includes('Electronically signed by Dr. E2E Reader'), pdf);
	assert.ok(pdf.includes('No acute cardiopulmonary process'));
	assert.match(
		execFileSync('pdfimages', ['-list', files.pdf!], { encoding: 'utf8' }),
		/\n\s*1\s+0\s+image\s+\d+\s+\d+\s+(gray|rgb)/,
		'the key image is in the PDF',
	);
	assert.ok(pdf.includes(notice.replace(/\s+/g, ' ')), 'the model notice is in the PDF');
	const sr = spawnSync('dsrdump', ['-Dv', '+Pl', files.sr!], { encoding: 'utf8' });
	assert.equal(sr.status, 0, sr.stderr);
	assert.match(sr.stdout, /Basic Text SR Document[\s\S]*Verification Flag\s+: VERIFIED/);
	// The TextValue is stored as written (UTF-8); dsrdump's listing escapes and shortens it. Compared with the
	// text export, which holds the stored findings exactly (a textarea would normalise line ends).
	const txt = fs.readFileSync(files.text!, 'utf8');
	const storedFindings = txt.slice(txt.indexOf('FINDINGS\n') + 9, txt.indexOf('\n\nIMPRESSION'));
	assert.ok(
		storedFindings.length > 0 && fs.readFileSync(files.sr!).toString('utf8').includes(storedFindings),
		'the SR holds the signed findings',
	);
	const fhir = JSON.parse(fs.readFileSync(files.fhir!, 'utf8')) as fhir4.DiagnosticReport;
	assert.deepEqual(checkDiagnosticReport(fhir), []);
	assert.equal(fhir.status, 'final');
	const hl7 = Hl7Message.parse(fs.readFileSync(files.hl7!, 'utf8'));
	assert.equal(hl7.getSegment('OBR')!.getField(25).toString(), 'F');
	assert.ok(
		hl7.getAllSegments('NTE').some((s) => s.getField(3).toString().includes(notice.slice(0, 20))),
		'the model notice is in the HL7 message',
	);
	const handout = pdfText(handoutFile);
	assert.ok(handout.includes('Your radiologist has checked this explanation.'));
	assert.ok(handout.includes('The report from your doctor is the reference'));

	const actions = await report.auditActions();
	await shot('8-audit');
	for (const a of [
		'predict',
		'draft',
		'decide_finding',
		'correct',
		'edit',
		'ask',
		'sign',
		'export',
		'handout_generate',
		'handout_edit',
	])
		assert.ok(actions.includes(a), `audit has ${a}: ${actions.join(',')}`);
	if (issues.length) assert.ok(actions.includes('consistency_warning'));

	await page.getByTestId('tab-report').click();
	await page.keyboard.press('Escape');
	assert.deepEqual(errors, []);
});
