import type { Priority } from '../../common/api/worklistContract.js';
import { ApiError } from '../../common/api/errors.js';
import type { EventSink } from '../events/EventSink.js';
import type { AuditTrail, ReaderIdentity } from '../reporting/index.js';
import type { SqliteDatabase } from '../store/openDatabase.js';

export interface StudyPrioritiesDependencies {
	readonly db: SqliteDatabase;
	readonly audit: Pick<AuditTrail, 'record'>;
	readonly reader: ReaderIdentity;
	readonly events?: EventSink;
}

/** The reader's reading priority of a study (routine, urgent, STAT): set from the worklist or the banner, audited. */
export class StudyPriorities {
	private readonly setTx: (studyId: number, priority: Priority) => void;

	constructor(private readonly d: StudyPrioritiesDependencies) {
		const current = d.db.prepare('SELECT priority FROM studies WHERE id = ?').pluck();
		const update = d.db.prepare('UPDATE studies SET priority = ? WHERE id = ?');
		// The change and its audit row are one transaction: no priority changes without its record.
		this.setTx = d.db.transaction((studyId: number, priority: Priority) => {
			const from = current.get(studyId) as Priority | undefined;
			if (from === undefined) throw new ApiError('not_found', `Study ${studyId} does not exist.`);
			if (from === priority) return;
			update.run(priority, studyId);
			const actor = d.reader.readerName();
			d.audit.record({ studyId, actor, action: 'set_priority', detail: { from, to: priority } });
		});
	}

	set(studyId: number, priority: Priority): { studyId: number; priority: Priority } {
		this.setTx(studyId, priority);
		this.d.events?.emit({ type: 'worklist.changed', studyIds: [studyId] });
		return { studyId, priority };
	}
}
