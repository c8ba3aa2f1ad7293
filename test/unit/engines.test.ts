// Every installed package must accept the Node version the project runs on (package.json `engines`),
// or `npm install` warns and the package may break at run time, as @medplum/core 5 did on Node 20.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

interface LockPackage {
	readonly engines?: { readonly node?: string } | readonly string[];
}

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
	packages: Record<string, LockPackage>;
};

test('the running Node satisfies package.json engines', () => {
	assert.ok(semver.satisfies(process.version, pkg.engines.node), `${process.version} vs ${pkg.engines.node}`);
});

test("every locked package's engines accept the lowest Node that package.json allows", () => {
	const lowest = semver.minVersion(pkg.engines.node)?.version ?? '';
	const refused = Object.entries(lock.packages)
		.filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines))
		.map(([name, p]) => [name, (p.engines as { node?: string }).node] as const)
		.filter(([, range]) => range !== undefined && !semver.satisfies(lowest, range))
		.map(([name, range]) => `${name} needs node ${range}`);
	assert.deepEqual(refused, [], `Node ${lowest} is refused by:\n${refused.join('\n')}`);
});
