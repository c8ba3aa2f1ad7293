// The one home of better-sqlite3: every other module gets a Database from here.
import Database from 'better-sqlite3';
import { foldSearchKey } from '../../common/domain/foldSearchKey.js';
import { searchSignature } from '../../common/domain/searchSignature.js';
import { worklistTextKey } from '../../common/domain/worklistTextKey.js';
import { migrations } from './migrations/index.js';

import type { SqliteDatabase } from './SqliteDatabase.js';

export type { SqliteDatabase } from './SqliteDatabase.js';

export class DatabaseTooNewError extends Error {
	override readonly name = 'DatabaseTooNewError';
}

/** One schema update about to run on an existing database, for the shell to say why the start takes long. */
export interface SchemaUpdate {
	readonly version: number;
	readonly name: string;
	/** The schema the database had when opened, and the one it is brought to. */
	readonly from: number;
	readonly to: number;
}

/**
 * Opens (creating if needed) the workstation database and brings its schema up to date.
 * WAL keeps readers (the worklist) from waiting on writers (an import); synchronous=FULL
 * because a signed report must survive a power cut, not just a crash of the app.
 * @param onSchemaUpdate called before each update of a database that has data (not for a new one): some
 * rewrite every study (half a minute at a million) and the reader should know why the start waits.
 */
export function openDatabase(
	file: string,
	nativeBinding?: string,
	onSchemaUpdate?: (u: SchemaUpdate) => void,
): SqliteDatabase {
	const db = new Database(file, nativeBinding ? { nativeBinding } : {});
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	// REPLACE fires DELETE triggers (the immutability guards) only with recursive triggers on.
	db.pragma('recursive_triggers = ON');
	db.pragma('busy_timeout = 5000');
	registerSqlFunctions(db);
	migrate(db, onSchemaUpdate);
	return db;
}

/**
 * The app's own SQL functions, which the schema's triggers and migrations call: a connection without them
 * cannot write a study. Also for tests that build an old database by hand (databaseAtVersion).
 */
export function registerSqlFunctions(db: SqliteDatabase): void {
	// The patients' search key (migration 9 and every insert) folds as the search text is folded.
	db.function('fold_search_key', { deterministic: true }, (t: unknown) =>
		foldSearchKey(typeof t === 'string' ? t : ''),
	);
	// The worklist's name and ID order (migration 17 and every row written since).
	db.function('worklist_text_key', { deterministic: true }, (t: unknown) =>
		worklistTextKey(typeof t === 'string' ? t : ''),
	);
	// The worklist rows' search signature (migration 18 and every search text written since).
	db.function('worklist_search_signature', { deterministic: true }, (t: unknown) =>
		searchSignature(typeof t === 'string' ? t : ''),
	);
}

function migrate(db: SqliteDatabase, onSchemaUpdate?: (u: SchemaUpdate) => void): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	const latest = migrations.at(-1)?.version ?? 0;
	if (current > latest) {
		throw new DatabaseTooNewError(
			`The database schema is version ${current}, newer than this app knows (${latest}). ` +
				'Update the app before opening this data folder.',
		);
	}
	for (const m of migrations) {
		if (m.version <= current) continue;
		if (current > 0) onSchemaUpdate?.({ version: m.version, name: m.name, from: current, to: latest });
		db.transaction(() => {
			db.exec(m.sql);
			m.run?.(db);
			db.pragma(`user_version = ${m.version}`);
		})();
	}
}
