/**
 * The layering rule, checked in `npm test` (as VS Code checks its layers): imports point one way only.
 *   src/common  pure: no Node built-ins, no src/node, no Electron, no DOM packages
 *   src         never imports main/, renderer/ or electron
 *   renderer    imports from src/ only the shared API contract (src/common/api)
 * Heavy packages have one home folder each, so swapping or upgrading one touches one place.
 *   src         never imports test/ (tests beside the code, *.test.ts, may use test/helpers)
 *   src/node/<capability>/ imports another capability only through that one's index.ts, its public face
 *               (see ARCHITECTURE.md); the composition root (src/node/workstation) wires the modules.
 */
const capabilities = [
	'studies',
	'receiver',
	'worklist',
	'reporting',
	'export',
	'assistant',
	'demo',
	'settings',
	'uistate',
	'audit',
	'pacs',
	'outbox',
	'priors',
];
const capabilityPath = `^src/node/(${capabilities.join('|')})/`;
const heavyHomes = [
	['better-sqlite3', '^src/node/store/'],
	['onnxruntime-node', '^src/node/inference/onnx/'],
	['node-llama-cpp', '^src/node/inference/llama/'],
	['cornerstone-core', '^renderer/src/viewer/cornerstone/'],
];

module.exports = {
	forbidden: [
		{
			name: 'src-not-to-shells',
			severity: 'error',
			comment: 'The core knows nothing of its shells.',
			from: { path: '^src/' },
			to: { path: '^(main|renderer)/' },
		},
		{
			name: 'src-not-to-test',
			severity: 'error',
			comment: 'The product never ships test code: only tests beside the code (*.test.ts) use test/helpers.',
			from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
			to: { path: '^test/' },
		},
		{
			name: 'capability-through-index',
			severity: 'error',
			comment: "A capability uses another only through that one's index.ts (its interfaces, types and errors).",
			from: { path: capabilityPath, pathNot: '\\.test\\.tsx?$' },
			to: { path: capabilityPath, pathNot: ['^src/node/$1/', '^src/node/[^/]+/index\\.ts$'] },
		},
		{
			name: 'src-not-to-electron',
			severity: 'error',
			comment: 'The core runs without Electron (CLI, tests, browser mode).',
			from: { path: '^src/' },
			to: { path: '(^|/)node_modules/electron/|^electron$' },
		},
		{
			name: 'common-is-pure',
			severity: 'error',
			comment: 'src/common runs anywhere: no Node built-ins.',
			from: { path: '^src/common/' },
			to: { dependencyTypes: ['core'] },
		},
		{
			name: 'common-not-to-node',
			severity: 'error',
			comment: 'src/common must not reach into the Node tree.',
			from: { path: '^src/common/' },
			to: { path: '^src/node/' },
		},
		{
			name: 'renderer-only-api-from-src',
			severity: 'error',
			comment: 'The UI talks to the backend only through the API contract.',
			from: { path: '^renderer/' },
			to: { path: '^src/', pathNot: '^src/common/api/' },
		},
		{
			name: 'renderer-no-node',
			severity: 'error',
			comment: 'The renderer is a sandboxed web page.',
			from: { path: '^renderer/src/' },
			to: { dependencyTypes: ['core'] },
		},
		{ name: 'main-not-to-renderer', severity: 'error', from: { path: '^main/' }, to: { path: '^renderer/' } },
		...heavyHomes.map(([pkg, home]) => ({
			name: `home-of-${pkg}`,
			severity: 'error',
			comment: `${pkg} is used only from ${home}`,
			from: { pathNot: home },
			to: { path: `(^|/)node_modules/${pkg}/|^${pkg}$` },
		})),
		{ name: 'no-circular', severity: 'error', from: { path: '^(src|main|renderer)/' }, to: { circular: true } },
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)dist/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.base.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
		},
	},
};
