import path from 'node:path';
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
