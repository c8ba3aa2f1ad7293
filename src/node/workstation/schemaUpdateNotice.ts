import type { SchemaUpdate } from '../store/openDatabase.js';

/**
 * What a shell prints before a schema update runs: the start waits for it (some updates rewrite every
 * study: about half a minute at a million), and stopping the app meanwhile only rolls that step back.
 */
export function schemaUpdateNotice(u: SchemaUpdate): string {
	return (
		`Updating the database to schema ${u.version} of ${u.to} (${u.name}; it was ${u.from}). With many ` +
		'studies this takes up to a minute; the app starts when it is done. Stopping it now loses nothing.'
	);
}
