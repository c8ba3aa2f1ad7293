import assert from 'node:assert/strict';
import path from 'node:path';
import type { PacsClient } from '../../src/node/pacs/PacsClient.js';
import { makeDicomFixture } from './dicomFixtures.js';

/**
 * The studies the PACS client tests put on Orthanc: patient P-A with two views of study 1.2.3.100
 * (2025-03-01, 16-bit) and patient P-B with one 8-bit image of study 1.2.3.200 (2024-01-01). Both
 * protocols' tests search and retrieve the same data, so their answers compare.
 */
export function pacsFixtureStudies(dir: string): string[] {
	const alpha = { pid: 'P-A', patient: 'Alpha^Ann', study: '1.2.3.100', date: '20250301' };
	return [
		makeDicomFixture(path.join(dir, 'a1.dcm'), 'dx16', { ...alpha, view: 'PA' }),
		makeDicomFixture(path.join(dir, 'a2.dcm'), 'dx16', { ...alpha, view: 'LL' }),
		makeDicomFixture(path.join(dir, 'b1.dcm'), 'dx8', {
			pid: 'P-B',
			patient: 'Beta^Bob',
			study: '1.2.3.200',
			date: '20240101',
		}),
	];
}

/** The searches both protocols must answer alike on the fixture: by patient, date, name and modality. */
export async function expectFixtureSearches(client: () => Pick<PacsClient, 'findStudies'>): Promise<void> {
	const byPatient = await client().findStudies({ patientId: 'P-A' });
	assert.deepEqual(
		byPatient.map((s) => [s.studyInstanceUid, s.patientName, s.studyDate, s.modalities, s.instanceCount]),
		[['1.2.3.100', 'Alpha^Ann', '20250301', ['DX'], 2]],
	);
	assert.deepEqual(
		(await client().findStudies({ since: '20250101' })).map((s) => s.studyInstanceUid),
		['1.2.3.100'],
	);
	assert.deepEqual(
		(await client().findStudies({ patientName: 'bet' })).map((s) => s.patientId),
		['P-B'],
	);
	assert.equal((await client().findStudies({ modalities: ['CR'] })).length, 0);
	assert.equal((await client().findStudies({ modalities: ['CR', 'DX'] })).length, 2);
}
