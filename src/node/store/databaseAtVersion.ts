import Database from 'better-sqlite3';
import { foldSearchKey } from '../../common/domain/foldSearchKey.js';
import { migrations } from './migrations/index.js';

/**
 * A database file as an older app left it: the migrations up to `version` and nothing after, for tests of
 * what opening it with this app does. The caller fills it and closes it.
 */
export function databaseAtVersion(file: string, version: number): InstanceType<typeof Database> {
	const db = new Database(file);
	db.function('fold_search_key', { deterministic: true }, (t: unknown) =>
		foldSearchKey(typeof t === 'string' ? t : ''),
	);
	for (const m of migrations.filter((x) => x.version <= version)) {
		db.exec(m.sql);
		m.run?.(db);
	}
	db.pragma(`user_version = ${version}`);
	return db;
}
