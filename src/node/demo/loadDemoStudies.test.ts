import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { Workstation } from '../workstation/Workstation.js';

test('demo.load generates phantoms and imports them as worklist studies; loading again adds none', async () => {
	const w = new Workstation({ dataDir: tempDir('demo-load'), shell: 'browser' });
	try {
		const first = await w.handlers['demo.load']({ count: 2 });
		assert.equal(first.studies, 2);
		assert.equal(first.imported, 2);
		assert.match(first.notice, /not for clinical use/);
		const page = await w.handlers['worklist.list']({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 });
		assert.equal(page.total, 2);
		assert.ok(page.items.every((s) => s.modality === 'DX' && /phantom/i.test(s.description ?? '')));
		const again = await w.handlers['demo.load']({ count: 2 });
		assert.equal(again.imported, 0);
		assert.equal(again.duplicates, 2);
	} finally {
		await w.close();
	}
});
