import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { OutboxItem } from '../../../src/common/api/outboxContract.js';
import { OutboxIndicator } from '../../../renderer/src/outbox/OutboxIndicator.js';
import { OutboxPanel } from '../../../renderer/src/outbox/OutboxPanel.js';

const item = (o: Partial<OutboxItem>): OutboxItem => ({
	id: 1,
	studyId: 3,
	patientName: 'Tester, Jane',
	accessionNumber: 'ACC1',
	revision: 0,
	kind: 'pacs',
	destination: 'Main PACS',
	state: 'waiting',
	attempts: 0,
	lastError: null,
	nextTryAt: null,
	queuedAt: '2026-11-30T10:00:00.000Z',
	deliveredAt: null,
	...o,
});
const noop = () => undefined;

test('the indicator counts what waits and warns when something needs attention', () => {
	const indicator = (waiting: number, attention: number, items = [item({})]) =>
		renderToStaticMarkup(createElement(OutboxIndicator, { list: { waiting, attention, items }, onOpen: noop }));
	const calm = indicator(2, 0);
	assert.match(calm, />Outbox: 2 waiting</);
	assert.match(calm, /class="outbox-indicator"/);
	const warn = indicator(1, 1);
	assert.match(warn, />⚠ Outbox: 1 needs attention, 1 waiting</);
	assert.match(warn, /outbox-attention/);
	assert.match(indicator(0, 0, [item({ state: 'delivered' })]), /Outbox: all sent/);
	assert.equal(indicator(0, 0, []), '', 'nothing before the first report was queued');
	assert.equal(renderToStaticMarkup(createElement(OutboxIndicator, { list: null, onOpen: noop })), '');
});

test('the panel lists study, destination, state, attempts, last error and Retry now for what is not delivered', () => {
	const html = renderToStaticMarkup(
		createElement(OutboxPanel, {
			list: {
				waiting: 1,
				attention: 1,
				items: [
					item({
						id: 2,
						kind: 'ris',
						destination: 'RIS (ris:2575)',
						state: 'attention',
						attempts: 1,
						lastError: 'The RIS at ris:2575 refused the report (AE): Unknown order',
					}),
					item({
						id: 1,
						attempts: 3,
						lastError: 'The PACS did not answer',
						nextTryAt: '2026-11-30T10:05:00.000Z',
					}),
					item({
						id: 0,
						revision: 1,
						state: 'delivered',
						attempts: 1,
						deliveredAt: '2026-11-30T09:00:00.000Z',
					}),
				],
			},
			error: null,
			onRetry: noop,
			onClose: noop,
		}),
	);
	assert.equal(html.match(/data-testid="outbox-item"/g)?.length, 3);
	assert.equal(html.match(/>Retry now</g)?.length, 2, 'no retry for a delivered report');
	assert.match(html, /Tester, Jane · ACC1/);
	assert.match(html, /addendum 1/);
	assert.match(html, />RIS \(ris:2575\)</);
	assert.match(html, />Needs attention</);
	assert.match(html, /refused the report \(AE\): Unknown order/);
	assert.match(html, /<td>3<\/td>/);
	assert.match(
		renderToStaticMarkup(
			createElement(OutboxPanel, {
				list: { waiting: 0, attention: 0, items: [] },
				error: null,
				onRetry: noop,
				onClose: noop,
			}),
		),
		/No reports have been sent yet/,
	);
});
