// Child process of killedSave.test.ts: saves the draft in a loop and says which save committed.
import { insertStudy, reportingFixture } from './reportingFixture.js';

const dir = process.argv[2]!;
const f = reportingFixture(dir);
const studyId = insertStudy(f.db);
await f.reporting.draft(studyId);
for (let i = 1; ; i++) {
	// Long texts make each commit take a while, so the kill lands inside a write as often as not.
	f.reporting.save(studyId, {
		findings: `save ${i} ` + 'x'.repeat(20_000 + (i % 7) * 1000),
		impression: `impression ${i}`,
	});
	process.stdout.write(`committed ${i}\n`);
}
