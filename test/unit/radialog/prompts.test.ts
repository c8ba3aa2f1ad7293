import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	instructTasks,
	instructTemplates,
	renderInstruction,
	maxNewTokens,
} from '../../../src/common/radialog/instructTemplates.js';
import { formatFindings, renderReportGenerationMessage } from '../../../src/common/radialog/reportGenerationMessage.js';
import { IMAGE_MARKER, promptSegments, renderVicunaPrompt } from '../../../src/common/radialog/vicunaPrompt.js';

test('findings formatting follows the reference rules', () => {
	assert.equal(formatFindings([]), 'no common findings');
	assert.equal(formatFindings(['No Finding']), 'no finding');
	assert.equal(formatFindings(['Pleural Effusion', 'No Finding', 'Cardiomegaly']), 'cardiomegaly, pleural effusion');
});

test('the report-generation message carries one image marker and the findings', () => {
	const m = renderReportGenerationMessage(['Edema']);
	assert.ok(m.startsWith(`Image information: ${IMAGE_MARKER}. Predicted Findings: edema. `));
	assert.equal(m.split(IMAGE_MARKER).length, 2);
});

test('Vicuna v1.1 rendering', () => {
	assert.equal(renderVicunaPrompt('SYS', [{ user: 'a' }]), 'SYS USER: a ASSISTANT:');
	assert.equal(
		renderVicunaPrompt('SYS', [{ user: 'a', assistant: 'b' }, { user: 'c' }]),
		'SYS USER: a ASSISTANT: b</s>USER: c ASSISTANT:',
	);
	assert.throws(() => renderVicunaPrompt('S', [{ user: 'a' }, { user: 'b' }]));
	assert.deepEqual(promptSegments('S USER: x <IMG>. y ASSISTANT: r</s>USER: q ASSISTANT:'), [
		{ kind: 'text', text: 'S USER: x ', leadingSpace: true },
		{ kind: 'image' },
		{ kind: 'text', text: '. y ASSISTANT: r', leadingSpace: false },
		{ kind: 'endOfAnswer' },
		{ kind: 'text', text: 'USER: q ASSISTANT:', leadingSpace: false },
	]);
	assert.throws(() => promptSegments('<IMG><IMG>'));
});

test('ten variants per template list; every task renders every variant with its slots filled', () => {
	for (const [key, list] of Object.entries(instructTemplates)) {
		assert.equal(list.length, 10, key);
		assert.equal(new Set(list).size, 10, key);
	}
	for (const task of instructTasks) {
		for (let v = 0; v < 10; v++) {
			const params =
				task === 'CO'
					? { add: ['Edema'] as const, remove: ['Fracture'] as const }
					: { pathology: 'Edema', region: 'heart', question: 'is it enlarged?' };
			const text = renderInstruction(task, v, params);
			assert.doesNotMatch(text, /[{}]/, `${task} ${v}`);
			assert.ok(maxNewTokens[task] > 0);
		}
	}
	assert.match(renderInstruction('CO', 0, { add: ['Edema'] }), /edema/);
	assert.doesNotMatch(renderInstruction('CO', 0, { add: ['Edema'] }), /does not have/);
	assert.throws(() => renderInstruction('FQA_binary', 0, {}), /pathology/);
	assert.throws(() => renderInstruction('CO', 0, {}), /add or remove/);
});
