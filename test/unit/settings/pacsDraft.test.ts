import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultHl7Settings } from '../../../src/common/api/appContract.js';
import { defaultPacsSettings } from '../../../src/common/api/pacsSettings.js';
import { newPacsDraft, pacsPatchOf, type PacsSectionDraft } from '../../../renderer/src/settings/pacsDraft.js';

const section = (patch: Partial<PacsSectionDraft> = {}): PacsSectionDraft => ({
	connections: [],
	defaultId: null,
	autoFetch: { enabled: false, pacsId: '', modalities: 'CR, DX', lastHours: '24', everyMinutes: '5' },
	mllp: { host: '', port: '' },
	...patch,
});

test('the PACS form says what is wrong with each field, in the schema words, and saves nothing then', () => {
	const web = { ...newPacsDraft([]), baseUrl: 'pacs.example', authKind: 'basic' as const };
	const dimse = { ...newPacsDraft([web.id]), kind: 'dimse' as const, aeTitle: '', host: 'pacs', port: 'abc' };
	const r = pacsPatchOf(
		section({
			connections: [web, dimse],
			autoFetch: { enabled: true, pacsId: '', modalities: 'cr, x-ray', lastHours: '0', everyMinutes: 'five' },
			mllp: { host: 'ris', port: '' },
		}),
		defaultHl7Settings,
	);
	assert.ok('errors' in r);
	assert.deepEqual(r.errors, {
		'pacs1.baseUrl': 'Enter a full http:// or https:// address',
		'pacs1.user': 'Enter a user name',
		'pacs2.aeTitle': 'Enter an AE title',
		'pacs2.port': 'Enter a whole number.',
		'autoFetch.modalities': 'Modality codes of 2 to 4 capitals, separated by commas (e.g. CR, DX)',
		'autoFetch.lastHours': 'At least 1 hour',
		'autoFetch.everyMinutes': 'Enter a whole number.',
		'mllp.port': 'Enter a whole number.',
	});
});

test('a valid form becomes the settings change: the first PACS is default, an empty MLLP host sends none', () => {
	const web = { ...newPacsDraft([]), baseUrl: 'https://pacs.example/dicom-web', authKind: 'bearer' as const };
	const r = pacsPatchOf(section({ connections: [{ ...web, token: ' t0k ' }] }), defaultHl7Settings);
	assert.ok('patch' in r);
	assert.deepEqual(r.patch.pacs, {
		...defaultPacsSettings,
		connections: [
			{
				id: 'pacs1',
				name: 'Main PACS',
				kind: 'dicomweb',
				baseUrl: 'https://pacs.example/dicom-web',
				caFile: null,
				auth: { kind: 'bearer', token: 't0k' },
			},
		],
		defaultId: 'pacs1',
	});
	assert.equal(r.patch.hl7.mllp, null);
});
