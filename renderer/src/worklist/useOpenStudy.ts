import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../api/ClientContext.js';
import { readingSession } from './readingSession.js';

/**
 * The study on screen, restored with the worklist's place when the window loads; opening a study also
 * selects its row, so Esc comes back to the worklist on the study just read.
 */
export function useOpenStudy() {
	const { api } = useClient();
	const [restored, setRestored] = useState(false);
	const [openStudyId, setOpenStudyId] = useState<number | null>(null);
	useEffect(() => {
		let live = true;
		void readingSession.restore(api).then(() => {
			if (!live) return;
			setOpenStudyId(readingSession.state.openStudyId);
			setRestored(true);
		});
		return () => {
			live = false;
		};
	}, [api]);
	const openStudy = useCallback((studyId: number | null) => {
		setOpenStudyId(studyId);
		readingSession.update(
			studyId === null ? { openStudyId: null } : { openStudyId: studyId, worklist: { selectedStudyId: studyId } },
		);
	}, []);
	return { restored, openStudyId, openStudy };
}
