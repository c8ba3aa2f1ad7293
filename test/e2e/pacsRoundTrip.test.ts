// The PACS round trip through the UI alone: Orthanc holds studies; the reader adds the PACS in Settings,
// finds them from the worklist, opens one (retrieved with progress, drafted), edits and signs it; the signed
// report comes back to Orthanc as an SR series in the same study, read here with Orthanc's own QIDO and REST
// and checked with dcmtk: the study's patient and UIDs, and exactly the text the UI showed as signed.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generatePhantomStudies } from '../../src/node/phantoms/generatePhantomStudies.js';
import { testModelsDir } from '../fixtures/testModels.js';
import { OrthancPeer } from '../helpers/OrthancPeer.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir } from '../helpers/tempDir.js';
import { BannerPage } from './pages/BannerPage.js';
import { OutboxPage } from './pages/OutboxPage.js';
import { PacsPage } from './pages/PacsPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { SignFlowPage } from './pages/SignFlowPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';
const demoModels = path.resolve('models/demo');
const haveDemo = fs.existsSync(path.join(demoModels, 'manifest.json'));
const dir = tempDir('radialog-e2e-pacs-roundtrip-');
const exportsDir = tempDir('radialog-e2e-pacs-roundtrip-exports-');
let orthanc: OrthancPeer;
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: `/tmp/pacs-roundtrip-${name}.png` });
type DicomJson = Record<string, { Value?: unknown[] }>;
type OrthancStudy = { ID: string; MainDicomTags: Record<string, string>; PatientMainDicomTags: Record<string, string> };

before(async () => {
	if (skip) return;
	const phantoms = path.join(dir, 'phantoms');
	const truth = generatePhantomStudies({ outDir: phantoms, count: 2, firstSeed: 31, size: 512 });
	orthanc = await OrthancPeer.start();
	await orthanc.storeFiles(truth.map((t) => path.join(phantoms, t.file)));
	({ served, browser, page } = await openServedPage(path.join(dir, 'data')));
});
after(async () => {
	await closeServedPage(browser, served);
	await orthanc?.dispose();
});

/** The SR series of a study as Orthanc's own QIDO lists them, polled until one is there or the deadline. */
async function srSeriesOf(studyUid: string, deadlineMs = 60_000): Promise<string[]> {
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		const answer = await fetch(`${orthanc.dicomWebUrl}/studies/${studyUid}/series?Modality=SR`);
		const series = answer.status === 200 ? ((await answer.json()) as DicomJson[]) : [];
		if (series.length || Date.now() > deadline) return series.map((s) => String(s['0020000E']?.Value?.[0]));
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The one instance of an SR series, fetched from Orthanc's REST API into a file. */
async function srFile(seriesUid: string): Promise<string> {
	const series =
		await orthanc.rest<{ ID: string; MainDicomTags: Record<string, string>; Instances: string[] }[]>(
			'/series?expand',
		);
	const instances = series.find((s) => s.MainDicomTags.SeriesInstanceUID === seriesUid)?.Instances ?? [];
	assert.equal(instances.length, 1, 'one SR instance in the series: sent once');
	const answer = await fetch(`${orthanc.httpUrl}/instances/${instances[0]}/file`);
	const file = path.join(dir, `${seriesUid}.dcm`);
	fs.writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
	return file;
}

/** dcmtk's SR reader, all values in full; it must read the file without complaint. */
function dsrdump(file: string): string {
	const r = spawnSync('dsrdump', ['+Pl', file], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	// This dcmtk build cannot check UTF-8 (ISO_IR 192) values and says so; anything else is a finding.
	const findings = r.stderr.split('\n').filter((l) => l.trim() && !/VR checker does not support/.test(l));
	assert.deepEqual(findings, [], 'dsrdump has no warning or error');
	return r.stdout;
}

/** One header value of a DICOM file as dcmdump prints it between brackets. */
function tagOf(file: string, tag: string): string {
	const line = execFileSync('dcmdump', ['+P', tag, file], { encoding: 'utf8' });
	return /\[(.*)\]/.exec(line)?.[1] ?? `(no ${tag} in ${line})`;
}

test(
	'a study on the PACS, opened, drafted and signed through the UI, comes back to it as an SR of the signed text',
	{ skip },
	async () => {
		const started = Date.now();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(served.url);
		const flow = new SignFlowPage(page);
		await flow.firstRun('Dr. Round Trip', exportsDir);
		const pacs = new PacsPage(page);
		await pacs.openSettings();
		const i = await pacs.addPacs(orthanc.dicomWebUrl);
		assert.equal(await pacs.testConnection(i), 'Connected');
		await pacs.fillSetting('Model set folder', haveDemo ? demoModels : testModelsDir());
		await pacs.save();

		await pacs.searchPacs();
		assert.deepEqual(await pacs.whereEach(), ['pacs', 'pacs']);
		await shot('1-search');
		await pacs.openWithKeyboard(0);
		await pacs.retrieveProgress.first().waitFor();
		await shot('2-retrieving');
		await new ViewerPage(page).waitForImage();
		const report = new ReportPage(page);
		await report.waitReady();
		assert.ok((await report.findingsText.inputValue()).trim().length > 0, 'the study opens with a draft');
		await shot('3-drafted');

		// The study as the PACS holds it, found by the patient ID the banner shows.
		const patientId = await new BannerPage(page).field('patient-id');
		const studies = await orthanc.rest<OrthancStudy[]>('/studies?expand');
		const onPacs = studies.find((s) => s.PatientMainDicomTags.PatientID === patientId);
		assert.ok(onPacs, `the opened study (${patientId}) is one of Orthanc's`);
		const studyUid = onPacs.MainDicomTags.StudyInstanceUID!;
		assert.deepEqual(await srSeriesOf(studyUid, 0), [], 'no SR on the PACS before signing');

		// The reader keeps the draft and adds to it (not ASCII: the SR is UTF-8, and must say exactly this).
		await flow.type('findings', ' Reader: costophrenic angles sharp, unverändert — 2 cm².');
		await flow.type('impression', ' Discussed with the ward (Dr. Müller) at 14:05.');
		const warnings = await flow.openSignDialog();
		await shot('4-sign-dialog');
		if (warnings.some((w) => w.serious)) {
			// Signing knowingly over what the check lists: the tick, then the button.
			await page.keyboard.press('Space');
			await page.getByTestId('sign-confirm').click();
		} else await page.keyboard.press('Enter');
		await page.locator('[data-testid="report-status"][data-status="signed"]').waitFor();
		// As signed and exported: without the space typed after an empty field (the draft's impression is
		// empty when the model's summary was dropped as contradicting the findings).
		const signed = {
			findings: (await report.findingsText.inputValue()).trim(),
			impression: (await report.impressionText.inputValue()).trim(),
		};
		assert.match(signed.findings, /unverändert — 2 cm²\.$/);
		assert.match(signed.impression, /\(Dr\. Müller\) at 14:05\.$/);

		// The outbox sends it to the PACS the study came from: delivered, nothing waiting.
		const outbox = new OutboxPage(page);
		await page.locator('[data-testid="outbox-indicator"][data-waiting="0"][data-attention="0"]').waitFor();
		await outbox.open();
		const delivered = await outbox.waitForItemState('delivered');
		assert.match(await delivered.innerText(), /Delivered/);
		assert.equal(await outbox.items.count(), 1, 'one item: the signed report');
		await shot('5-outbox-delivered');
		await outbox.close();
		assert.match(await outbox.indicator.innerText(), /Outbox: all sent/);
		await shot('6-signed');

		const [seriesUid, ...more] = await srSeriesOf(studyUid);
		assert.ok(seriesUid, `an SR series in study ${studyUid}`);
		assert.deepEqual(more, [], 'one SR series');
		const file = await srFile(seriesUid);
		const sr = dsrdump(file);
		const said = (concept: string, text: string) => sr.includes(`TEXT:(,,"${concept}")="${text}">`);
		assert.ok(said('Finding', signed.findings), `${sr}\nhas the signed findings:\n${signed.findings}`);
		assert.ok(said('Impression', signed.impression), `${sr}\nhas the signed impression:\n${signed.impression}`);
		assert.match(sr, /Verifying Observers\s*: .*Trip\^Round\^\^Dr\./, 'signed by the reader');
		assert.match(sr, /Completion Flag\s*: COMPLETE/);
		assert.match(sr, /Verification Flag\s*: VERIFIED/);
		assert.equal(tagOf(file, '0020,000d'), studyUid);
		assert.equal(tagOf(file, '0010,0020'), onPacs.PatientMainDicomTags.PatientID);
		assert.equal(tagOf(file, '0010,0010'), onPacs.PatientMainDicomTags.PatientName);
		assert.deepEqual(errors, []);
		console.log(`PACS round trip through the UI: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	},
);
