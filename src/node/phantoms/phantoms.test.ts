import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import dicomParser from 'dicom-parser';
import { chexpertLabels } from '../../common/domain/chexpert.js';
import { drawnLabels, samplePhantomCase } from '../../common/phantoms/PhantomCase.js';
import { renderPhantom } from '../../common/phantoms/renderPhantom.js';
import { writeFindingsSection } from '../../common/phantoms/sentenceBank.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { generatePhantomStudies } from './generatePhantomStudies.js';

const hash = (a: Uint16Array) => createHash('sha256').update(a).digest('hex');

test('the same seed renders the same image; another seed a different one', () => {
	assert.equal(
		hash(renderPhantom(samplePhantomCase(7), 256).pixels),
		hash(renderPhantom(samplePhantomCase(7), 256).pixels),
	);
	assert.notEqual(
		hash(renderPhantom(samplePhantomCase(7), 256).pixels),
		hash(renderPhantom(samplePhantomCase(8), 256).pixels),
	);
});

test('marks say where the local findings were drawn: the image changes inside each mark', () => {
	const size = 256;
	const without = {
		Fracture: { fracture: null },
		'Lung Lesion': { lesion: null },
		'Support Devices': { devices: [] },
	} as const;
	for (const [label, none] of Object.entries(without)) {
		let seed = 1;
		while (!samplePhantomCase(seed).labels.includes(label as keyof typeof without)) seed++;
		const c = samplePhantomCase(seed);
		const withIt = renderPhantom(c, size),
			withoutIt = renderPhantom({ ...c, findings: { ...c.findings, ...none } }, size);
		const marks = withIt.marks.filter((m) => m.label === label);
		assert.ok(marks.length > 0, `${label} has marks`);
		assert.deepEqual(
			withoutIt.marks.filter((m) => m.label === label),
			[],
		);
		const changed = (i: number) => Math.abs((withIt.pixels[i] as number) - (withoutIt.pixels[i] as number));
		const inMark = (i: number, m: (typeof marks)[number]) =>
			Math.hypot(m.u - ((i % size) + 0.5) / size, m.v - (Math.floor(i / size) + 0.5) / size) <= m.r;
		for (const m of marks)
			assert.ok(
				withIt.pixels.some((_, i) => inMark(i, m) && changed(i) > 200),
				`${label}: the image changes inside the mark at (${m.u.toFixed(3)}, ${m.v.toFixed(3)})`,
			);
		// A fracture also moves the whole lateral fragment (its mark is the break); for the others the largest
		// change is in a mark.
		if (label === 'Fracture') continue;
		let at = 0;
		withIt.pixels.forEach((_, i) => {
			if (changed(i) > changed(at)) at = i;
		});
		assert.ok(
			marks.some((m) => inMark(at, { ...m, r: m.r + 2 / size })),
			`${label}: the largest change lies in a mark`,
		);
	}
	for (const m of renderPhantom(samplePhantomCase(3), size).marks)
		assert.ok(samplePhantomCase(3).labels.includes(m.label), m.label);
});

test('labels cover every drawn finding over many cases, with no-finding cases under a quarter', () => {
	const counts = new Map<string, number>();
	for (let s = 1; s <= 600; s++) for (const l of samplePhantomCase(s).labels) counts.set(l, (counts.get(l) ?? 0) + 1);
	for (const l of drawnLabels) assert.ok((counts.get(l) ?? 0) > 30, `${l} occurs often enough (${counts.get(l)})`);
	assert.ok((counts.get('No Finding') ?? 0) < 150);
	for (const l of chexpertLabels)
		if (!(drawnLabels as readonly string[]).includes(l)) assert.equal(counts.get(l), undefined);
});

test('findings sections name each positive finding and say when pneumothorax is absent', () => {
	const words: Record<string, RegExp> = {
		Cardiomegaly: /cardiomegaly|heart is enlarged/i,
		'Pleural Effusion': /pleural effusion/i,
		Pneumothorax: /pneumothorax/i,
		Consolidation: /consolidation/i,
		Edema: /edema/i,
		Atelectasis: /atelectasis/i,
		Fracture: /fracture/i,
		'Lung Lesion': /nodul|mass/i,
		'Support Devices': /tube|catheter|line|pacemaker/i,
		'Lung Opacity': /opacity/i,
		'Enlarged Cardiomediastinum': /mediastin/i,
	};
	for (let s = 1; s <= 200; s++) {
		const c = samplePhantomCase(s);
		const text = writeFindingsSection(c);
		for (const l of c.labels) if (words[l]) assert.match(text, words[l], `seed ${s}: ${l} in "${text}"`);
		if (!c.labels.includes('Pneumothorax'))
			assert.match(text, /no (pleural effusion or )?pneumothorax|no pneumothorax/i, text);
	}
	const variants = new Set(Array.from({ length: 8 }, (_, v) => writeFindingsSection(samplePhantomCase(3), v)));
	assert.ok(variants.size > 2, 'several phrasings of the same case');
});

test('generated studies are DX DICOM files with patient and study data and 1024-pixel 16-bit frames', () => {
	const dir = tempDir('phantoms');
	const truth = generatePhantomStudies({ outDir: dir, count: 2, firstSeed: 40 });
	assert.equal(truth.length, 2);
	const bytes = fs.readFileSync(path.join(dir, truth[0]!.file));
	const ds = dicomParser.parseDicom(new Uint8Array(bytes));
	assert.equal(ds.string('x00080060'), 'DX');
	assert.equal(ds.uint16('x00280010'), 1024);
	assert.equal(ds.uint16('x00280100'), 16);
	assert.equal(ds.string('x00100020'), truth[0]!.patientId);
	assert.equal(ds.string('x0020000d'), truth[0]!.studyInstanceUid);
	assert.match(ds.string('x00204000') ?? '', /not for clinical use/);
	const pix = ds.elements['x7fe00010']!;
	assert.equal(pix.length, 1024 * 1024 * 2);
	const gt = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as {
		studies: { seed: number }[];
	};
	assert.equal(gt.studies[1]?.seed, 41);
});
