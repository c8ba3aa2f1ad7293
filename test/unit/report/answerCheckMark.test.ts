import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AnswerCheckMark } from '../../../renderer/src/report/AnswerCheckMark.js';
import { checkAnswer } from '../../../src/common/faithfulness/index.js';

const report = ['There is a small left-sided pleural effusion. There is a moderate right pneumothorax.'];
const render = (answer: string) =>
	renderToStaticMarkup(createElement(AnswerCheckMark, { check: checkAnswer(report, answer) }));
const marks = (html: string) => [...html.matchAll(/data-testid="chat-check-warning"/g)].length;

test('an answer with a made-up quote and several contradictions gets one mark, "not in the report"', () => {
	const answer =
		'The report states: "There is a large right-sided pleural effusion." ' +
		'There is also air outside the left lung, and a broken rib.';
	const check = checkAnswer(report, answer);
	assert.ok(check.quoteNotInReport);
	assert.ok(check.contradictions.length >= 2, JSON.stringify(check.contradictions));
	const html = render(answer);
	assert.equal(marks(html), 1, html);
	assert.match(html, /⚠ not in the report</);
	assert.match(html, /data-kind="quote"/);
	assert.match(html, /aria-label="Check against the report: A quoted passage is not in the report; /);
});

test('contradictions without a quote: one mark, "contradicts the report", each problem in its label', () => {
	const html = render('Fluid around the right lung. Air outside the left lung.');
	assert.equal(marks(html), 1, html);
	assert.match(html, /⚠ contradicts the report</);
	assert.match(html, /Fluid around the right lung\.&quot; contradicts the report/);
	assert.match(html, /Air outside the left lung\.&quot; contradicts the report/);
});

test('a faithful answer and an unchecked one carry no mark', () => {
	assert.equal(render('The report states: "There is a moderate right pneumothorax." Small fluid on the left.'), '');
	assert.equal(renderToStaticMarkup(createElement(AnswerCheckMark, { check: null })), '');
});
