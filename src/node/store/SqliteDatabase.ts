import type Database from 'better-sqlite3';

/** A connection opened by openDatabase; its own file so the migrations can name it without a cycle. */
export type SqliteDatabase = Database.Database;
