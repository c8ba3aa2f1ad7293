import type { PacsSearchHit } from '../../common/api/pacsContract.js';
import type { CurrentStudy, FoundStudy, PriorStudyFinder } from '../priors/index.js';
import { PacsNotConfiguredError } from './PacsNotConfiguredError.js';
import type { PacsOrigins } from './PacsOrigins.js';
import type { PacsService } from './PacsService.js';

/**
 * The patient's studies on the PACS the current study came from (else the default PACS) that are not
 * here yet. Asked by Patient ID only, never by name; each answer is checked again for the exact ID and,
 * where the PACS names one, the same issuer, since a PACS may match IDs loosely (wildcards).
 */
export class PacsPriorFinder implements PriorStudyFinder {
	readonly place = 'PACS';

	constructor(
		private readonly pacs: Pick<PacsService, 'search' | 'connection'>,
		private readonly origins: Pick<PacsOrigins, 'of'>,
	) {}

	async find(current: CurrentStudy): Promise<FoundStudy[]> {
		const pacsId = this.pacsFor(current.studyId);
		if (pacsId === null) return [];
		const hits = await this.pacs.search(pacsId, { patientId: current.patient.patientId });
		return hits.filter((h) => samePatient(h, current) && isOnlyOnPacs(h, current)).map(asFound);
	}

	/** The study's own PACS while it is still set up, else the default one; null where there is none. */
	private pacsFor(studyId: number): string | null {
		const origin = this.origins.of(studyId);
		for (const id of origin ? [origin, undefined] : [undefined]) {
			try {
				return this.pacs.connection(id).id;
			} catch (error) {
				if (!(error instanceof PacsNotConfiguredError)) throw error;
			}
		}
		return null;
	}
}

function samePatient(hit: PacsSearchHit, current: CurrentStudy): boolean {
	const { patientId, issuer } = current.patient;
	return hit.patientId === patientId && (!hit.issuerOfPatientId || hit.issuerOfPatientId === issuer);
}

/** Not the current study, not already here, and no UID clash with a local study of someone else. */
function isOnlyOnPacs(hit: PacsSearchHit, current: CurrentStudy): boolean {
	return hit.studyInstanceUid !== current.studyInstanceUid && hit.localStudyId === null && hit.problem === null;
}

function asFound(hit: PacsSearchHit): FoundStudy {
	return {
		source: 'pacs',
		studyId: null,
		studyInstanceUid: hit.studyInstanceUid,
		studyDate: hit.studyDate || null,
		description: hit.studyDescription || null,
		modality: hit.modalities.join('/') || null,
		status: 'not_signed',
		pacsId: hit.pacsId,
	};
}
