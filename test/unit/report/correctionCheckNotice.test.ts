import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CorrectionCheckNotice } from '../../../renderer/src/report/CorrectionCheckNotice.js';
import { checkCorrection } from '../../../src/common/faithfulness/index.js';

const render = (before: string, after: string) =>
	renderToStaticMarkup(
		createElement(CorrectionCheckNotice, {
			check: checkCorrection(before, after, { add: [], remove: ['Cardiomegaly'] }),
		}),
	);

test('the notice lists each unasked change in words, one line each, as a status', () => {
	const html = render(
		'The heart is enlarged. Small right pneumothorax.',
		'Moderate left pneumothorax. Right rib fracture.',
	);
	assert.match(html, /role="status"/);
	assert.match(html, /data-testid="correction-check"/);
	const items = [...html.matchAll(/data-testid="correction-check-item"[^>]*>([^<]*)</g)].map((m) => m[1]);
	assert.deepEqual(items, [
		'Fracture: added without being asked',
		'Pneumothorax: side changed from right to left without being asked',
		'Pneumothorax: size changed from small to moderate without being asked',
	]);
});

test('a faithful rewrite shows no notice', () => {
	assert.equal(render('The heart is enlarged. Small right pneumothorax.', 'Small right pneumothorax.'), '');
});
