import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { registerSqlFunctions } from './openDatabase.js';

/**
 * A database file as an older app left it: the migrations up to `version` and nothing after, for tests of
 * what opening it with this app does. The caller fills it and closes it.
 */
export function databaseAtVersion(file: string, version: number): InstanceType<typeof Database> {
	const db = new Database(file);
	registerSqlFunctions(db);
	for (const m of migrations.filter((x) => x.version <= version)) {
		db.exec(m.sql);
		m.run?.(db);
	}
	db.pragma(`user_version = ${version}`);
	return db;
}
