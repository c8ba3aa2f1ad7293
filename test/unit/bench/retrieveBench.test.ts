import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { OrthancPeer } from '../../helpers/OrthancPeer.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';

// The retrieve bench's quick variant runs and prints its lines; its timings are for people, not asserted.
test(
	'bench/retrieve.ts --quick retrieves over both protocols against curl and getscu and prints ratios',
	{ skip },
	() => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/retrieve.ts', '--quick'], {
			encoding: 'utf8',
			timeout: 300_000,
		});
		assert.equal(r.status, 0, r.stderr);
		const rate = String.raw`median \d+\.\d\d studies/s, \d+\.\d MB/s \(\d+ ms for all\)`;
		assert.match(r.stdout, /^retrieve bench: 2 studies, 4 images 128×128 16-bit, \d+\.\d MB, 1 round\(s\)/m);
		assert.match(r.stdout, new RegExp(`^DICOMweb, ours \\(WADO-RS into the worklist\\): ${rate}$`, 'm'));
		assert.match(r.stdout, new RegExp(`^DICOMweb, curl \\(same WADO-RS URLs, to files\\): ${rate}$`, 'm'));
		assert.match(r.stdout, new RegExp(`^DIMSE, ours \\(C-GET into the worklist\\): ${rate}$`, 'm'));
		assert.match(r.stdout, new RegExp(`^DIMSE, dcmtk getscu \\(C-GET, to files\\): ${rate}$`, 'm'));
		assert.match(r.stdout, /^DICOMweb throughput: \d+\.\d\d× curl over 1 round\(s\)$/m);
		assert.match(r.stdout, /^DIMSE throughput: \d+\.\d\d× getscu over 1 round\(s\)$/m);
	},
);
