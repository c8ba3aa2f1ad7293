import { UiState, type UiStatePatch } from '../../common/api/uiStateContract.js';
import type { UiStateStorage } from './UiStateStorage.js';

const defaultUiState: UiState = {
	worklist: {
		selectedStudyId: null,
		sort: { key: 'imported', direction: 'desc' },
		filters: { search: '', status: [], dateFrom: null, dateTo: null },
	},
	openStudyId: null,
};

/** The reader's place in the reading day: the worklist as they left it and the study on screen. */
export class ReadingPlace {
	constructor(private readonly storage: UiStateStorage) {}

	get(): UiState {
		const json = this.storage.read();
		if (json === null) return structuredClone(defaultUiState);
		// A document from another version, or a damaged one, must not keep the worklist from opening.
		const parsed = UiState.safeParse(parseJson(json));
		return parsed.success ? parsed.data : structuredClone(defaultUiState);
	}

	update(patch: UiStatePatch): UiState {
		const current = this.get();
		const next = UiState.parse({
			worklist: { ...current.worklist, ...patch.worklist },
			openStudyId: patch.openStudyId === undefined ? current.openStudyId : patch.openStudyId,
		});
		this.storage.write(JSON.stringify(next));
		return next;
	}
}

function parseJson(json: string): unknown {
	try {
		return JSON.parse(json);
	} catch {
		return null;
	}
}
