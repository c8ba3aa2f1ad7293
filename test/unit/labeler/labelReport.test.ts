import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chexpertLabels } from '../../../src/common/domain/chexpert.js';
import { labelReport, splitSentences } from '../../../src/common/labeler/labelReport.js';
import { RuleBasedReportLabeler } from '../../../src/common/labeler/RuleBasedReportLabeler.js';

test('every observation gets a state; an empty report is "No Finding"', () => {
	const labels = labelReport('');
	assert.deepEqual(Object.keys(labels).sort(), [...chexpertLabels].sort());
	assert.equal(labels['No Finding'], 'positive');
	assert.equal(labels.Edema, 'not_mentioned');
});

test('positive, negated and hedged mentions', () => {
	const l = labelReport('Moderate cardiomegaly. No pleural effusion or pneumothorax. Cannot exclude pneumonia.');
	assert.equal(l.Cardiomegaly, 'positive');
	assert.equal(l['Pleural Effusion'], 'negative');
	assert.equal(l.Pneumothorax, 'negative');
	assert.equal(l.Pneumonia, 'uncertain');
	assert.equal(l['No Finding'], 'not_mentioned');
});

test('positive beats uncertain beats negative across sentences', () => {
	assert.equal(labelReport('No right effusion. Small left effusion.')['Pleural Effusion'], 'positive');
	assert.equal(labelReport('No effusion. Possible small effusion on the left.')['Pleural Effusion'], 'uncertain');
});

test('support devices do not cancel "No Finding"; an uncertain pathology does', () => {
	assert.equal(labelReport('Lines and tubes in place. Lungs are clear.')['No Finding'], 'positive');
	assert.equal(labelReport('Possible atelectasis.')['No Finding'], 'not_mentioned');
});

test('sentences split on full stops but not inside numbers or "e.t. tube"', () => {
	assert.deepEqual(splitSentences('E.T. tube 4.5 cm above the carina. No effusion.'), [
		'et tube 4.5 cm above the carina',
		'no effusion',
	]);
});

test('the ReportLabeler adapter labels a batch in order', async () => {
	const labeler = new RuleBasedReportLabeler();
	const [a, b] = await labeler.label(['Cardiomegaly.', 'No cardiomegaly.']);
	assert.equal(a?.Cardiomegaly, 'positive');
	assert.equal(b?.Cardiomegaly, 'negative');
	await labeler.close();
});
