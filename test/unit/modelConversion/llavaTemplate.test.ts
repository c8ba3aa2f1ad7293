import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chatTemplates } from '../../../src/common/radialog/chatTemplates.js';
import { renderFollowUpPrompt } from '../../../src/common/radialog/conversation.js';
import { renderLlavaReportMessage } from '../../../src/common/radialog/llavaReportMessage.js';
import { preprocessImage } from '../../../src/common/radialog/preprocess.js';
import { IMAGE_MARKER, promptSegments } from '../../../src/common/radialog/vicunaPrompt.js';

test("RaDialog-LLaVA's first message: the reference's wording, findings as its test.py writes them", () => {
	const m = renderLlavaReportMessage(['Pleural Effusion', 'No Finding', 'Cardiomegaly']);
	assert.equal(
		m,
		`${IMAGE_MARKER}. Predicted Findings: cardiomegaly, pleural effusion. You are to act as a radiologist and ` +
			'write the finding section of a chest x-ray radiology report for this X-ray image and the given ' +
			'predicted findings. Write in the style of a radiologist, write one fluent text without enumeration, ' +
			"be concise and don't provide explanations or reasons.",
	);
	assert.match(renderLlavaReportMessage([]), /Predicted Findings: no common findings\./);
	// No Finding stays when the only other label is Support Devices (test.py's counter).
	assert.match(
		renderLlavaReportMessage(['No Finding', 'Support Devices']),
		/Findings: no finding, support devices\./,
	);
});

test('llava_vicuna_v1 tokenizes the text after the image as a text of its own; the demo template does not', () => {
	const prompt = 'S USER: <IMG>. y ASSISTANT: r</s>USER: q ASSISTANT:';
	const llava = promptSegments(prompt, chatTemplates.llava_vicuna_v1.segments);
	assert.deepEqual(
		llava.map((s) => (s.kind === 'text' ? s.leadingSpace : s.kind)),
		[true, 'image', true, 'endOfAnswer', false],
	);
	const demo = promptSegments(prompt, chatTemplates['vicuna_v1.1'].segments);
	assert.deepEqual(
		demo.map((s) => (s.kind === 'text' ? s.leadingSpace : s.kind)),
		[true, 'image', false, 'endOfAnswer', false],
	);
	const followUp = renderFollowUpPrompt('SYS', ['Edema'], 'R.', [], 'Q?', renderLlavaReportMessage);
	assert.ok(followUp.startsWith(`SYS USER: ${IMAGE_MARKER}. Predicted Findings: edema. You are to act`));
	assert.ok(followUp.endsWith(' ASSISTANT: R.</s>USER: Q? ASSISTANT:'));
});

test('uint8 preprocessing truncates to 8 bits after the min-max rescale, as the reference loader does', () => {
	const image = {
		rows: 2,
		columns: 2,
		samplesPerPixel: 1 as const,
		photometricInterpretation: 'MONOCHROME2',
		pixels: new Uint16Array([0, 1000, 999, 3]),
		minValue: 0,
		maxValue: 1000,
		windowCenter: null,
		windowWidth: null,
		rescaleSlope: 1,
		rescaleIntercept: 0,
		pixelSpacing: null,
	};
	const p = {
		rescale: 'minmax' as const,
		invertMonochrome1: true,
		resizeShortSide: 2,
		centerCrop: 2,
		valueRange: [0, 1] as [number, number],
		channels: 1 as const,
	};
	// 999 → 254.745 → 254 (numpy's astype(uint8) truncates); 3 → 0.765 → 0.
	const eight = preprocessImage(image, { ...p, uint8: true }).data;
	assert.deepEqual(
		Array.from(eight, (v) => Math.round(v * 255 * 1000) / 1000),
		[0, 255, 254, 0],
	);
	const float = preprocessImage(image, p).data;
	assert.ok(Math.abs(float[2]! * 255 - 254.745) < 1e-3);
});
