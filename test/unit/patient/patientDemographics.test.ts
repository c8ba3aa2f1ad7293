import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldSearchKey } from '../../../src/common/domain/foldSearchKey.js';
import { formatAge } from '../../../src/common/domain/formatAge.js';
import { formatDicomDate } from '../../../src/common/domain/formatDicomDate.js';
import { formatPersonName } from '../../../src/common/domain/formatPersonName.js';
import { patientAgeAtStudy } from '../../../src/common/domain/patientAgeAtStudy.js';

test('person names show as FAMILY, Given Middle with prefix and suffix', () => {
	assert.equal(formatPersonName('Doe^Jane').shown, 'DOE, Jane');
	assert.equal(formatPersonName('Müller^Hans^Peter').shown, 'MÜLLER, Hans Peter');
	assert.equal(formatPersonName('Smith^John^^Dr^Jr').shown, 'SMITH, Dr John, Jr');
	assert.equal(formatPersonName('Doe').shown, 'DOE');
	assert.equal(formatPersonName('^Cher').shown, 'Cher');
	assert.equal(formatPersonName('Doe^^^^').shown, 'DOE');
	assert.equal(formatPersonName('').shown, '');
	assert.equal(formatPersonName(null).shown, '');
	assert.equal(formatPersonName('  Doe ^ Jane ').shown, 'DOE, Jane');
});

test('ideographic and phonetic groups go to the tooltip; an empty alphabetic group falls back to them', () => {
	const n = formatPersonName('Yamada^Tarou=山田^太郎=やまだ^たろう');
	assert.equal(n.shown, 'YAMADA, Tarou');
	assert.deepEqual(n.otherGroups, ['山田, 太郎', 'やまだ, たろう']);
	const only = formatPersonName('=山田^太郎');
	assert.equal(only.shown, '山田, 太郎');
	assert.deepEqual(only.otherGroups, []);
	assert.deepEqual(formatPersonName('Doe^Jane==').otherGroups, []);
});

test('control characters are never shown', () => {
	assert.equal(formatPersonName('Do\u001be$B^Ja\u0000ne\u202e').shown, 'DOE$B, Jane');
	assert.equal(formatPersonName('\u0007^\u0085').shown, '');
});

test('the age on the study date is computed from the birth date, in DICOM age units', () => {
	assert.equal(patientAgeAtStudy('19540307', '20250306', null), '070Y');
	assert.equal(patientAgeAtStudy('19540307', '20250307', null), '071Y');
	// The computed age wins over a stale or wrong PatientAge.
	assert.equal(patientAgeAtStudy('19540307', '20250401', '050Y'), '071Y');
	assert.equal(patientAgeAtStudy('20240101', '20240301', null), '002M');
	assert.equal(patientAgeAtStudy('20230301', '20250228', null), '023M');
	assert.equal(patientAgeAtStudy('20230301', '20250301', null), '002Y');
	assert.equal(patientAgeAtStudy('20240220', '20240305', null), '014D');
	assert.equal(patientAgeAtStudy('20240305', '20240305', null), '000D');
	assert.equal(patientAgeAtStudy('20200229', '20210228', null), '011M');
});

test('without a usable birth or study date the PatientAge sent is used, and an age is never invented', () => {
	assert.equal(patientAgeAtStudy(null, '20250101', '045Y'), '045Y');
	assert.equal(patientAgeAtStudy('19540307', null, '070Y'), '070Y');
	assert.equal(patientAgeAtStudy('19541307', '20250101', '070y'), '070Y');
	assert.equal(patientAgeAtStudy('20260101', '20250101', null), null);
	assert.equal(patientAgeAtStudy(null, '20250101', 'about 40'), null);
	assert.equal(patientAgeAtStudy(null, null, null), null);
});

test('ages and dates read as a reader writes them', () => {
	assert.equal(formatAge('071Y'), '71 y');
	assert.equal(formatAge('006M'), '6 mo');
	assert.equal(formatAge('003W'), '3 wk');
	assert.equal(formatAge('012D'), '12 d');
	assert.equal(formatAge(null), '');
	assert.equal(formatDicomDate('19540307'), '1954-03-07');
	assert.equal(formatDicomDate('1954'), '1954');
	assert.equal(formatDicomDate(null), '');
});

test('the search key folds case and diacritics beyond ASCII', () => {
	assert.equal(foldSearchKey('Müller, Hans'), 'muller, hans');
	assert.equal(foldSearchKey('ÉLODIE'), foldSearchKey('Élodie'));
	assert.equal(foldSearchKey('Straße'), 'strasse');
	assert.equal(foldSearchKey('Ｄｏｅ'), 'doe');
	assert.equal(foldSearchKey('Ødegård'), 'ødegard');
});
