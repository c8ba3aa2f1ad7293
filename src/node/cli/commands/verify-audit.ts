import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../store/openDatabase.js';
import { verifyAuditChain } from '../../store/verifyAuditChain.js';
import { NoDataFolderError } from '../NoDataFolderError.js';
import { dataDirFrom, parseCommandArgs } from '../parseArgs.js';

export const summary = 'Check every audit row against its hash chain: radialog verify-audit [--data-dir D] [--json]';

/** Exit 0 when the chain holds; 1 naming the first broken row; the JSON carries the head hash to write down. */
export function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } });
	const dataDir = dataDirFrom(values);
	const file = path.join(dataDir, 'workstation.sqlite');
	// Opening would create an empty database, which would read as an intact, empty log.
	if (!fs.existsSync(file)) throw new NoDataFolderError(`no workstation database in ${dataDir}`);
	const db = openDatabase(file);
	try {
		const check = verifyAuditChain(db, 'full');
		if (values.json) console.log(JSON.stringify({ dataDir, ...check }, null, 2));
		else if (check.intact)
			console.log(`audit chain intact: ${check.total} rows (head ${check.headHash ?? 'none'})`);
		else console.error(`audit chain broken at row ${check.brokenRowId}: ${check.problem}`);
		return Promise.resolve(check.intact ? 0 : 1);
	} finally {
		db.close();
	}
}
