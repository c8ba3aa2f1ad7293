import type { PacsConnection, PacsSettings } from '../../common/api/pacsSettings.js';
import type { PacsClient } from './PacsClient.js';
import type { RetrievedStudy } from './PacsRetrieval.js';

/** The PACS settings as saved now (read on every call, so a change applies at once). */
export interface PacsSettingsSource {
	pacsSettings(): PacsSettings;
}

/** A study this workstation already holds, found by its Study Instance UID. */
export interface LocalStudy {
	readonly studyInstanceUid: string;
	readonly studyId: number;
	readonly patientId: string;
}

/** The worklist's index of local studies, asked by Study Instance UID. */
export interface LocalStudies {
	byStudyUid(uids: readonly string[]): readonly LocalStudy[];
}

/** Brings one study from a PACS into the worklist, reporting progress under the job id. */
export interface StudyRetrieval {
	retrieve(connection: PacsConnection, studyInstanceUid: string, jobId: string): Promise<RetrievedStudy>;
}

/** The background draft queue: told a study arrived so its draft is ready before anyone opens it. */
export interface DraftStarter {
	draftSoon(studyId: number): void;
}

export interface PacsServiceDependencies {
	readonly settings: PacsSettingsSource;
	readonly local: LocalStudies;
	readonly retrieval: StudyRetrieval;
	readonly drafts: DraftStarter;
	readonly clientFor: (connection: PacsConnection) => PacsClient;
}
