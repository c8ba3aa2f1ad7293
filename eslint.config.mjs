// ESLint: typescript-eslint's recommended type-checked rules on every TypeScript tree, each file
// checked against its own tree's tsconfig (the pure tree has no Node or DOM types). Formatting is
// Prettier's job; max-len stays because Prettier does not break long strings and comments.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const maxLen = ['error', { code: 120, tabWidth: 4, ignoreUrls: true, ignoreRegExpLiterals: true }];

export default tseslint.config(
	{
		ignores: [
			'node_modules/',
			'dist/',
			'build/',
			'test-output/',
			'bench-output/',
			'models/demo/',
			'models/work/',
			'models/training/.cache/',
		],
	},
	{
		files: ['**/*.ts', '**/*.tsx'],
		extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			parserOptions: {
				project: [
					'src/common/tsconfig.json',
					'src/node/tsconfig.json',
					'renderer/tsconfig.json',
					'main/tsconfig.json',
					'test/tsconfig.json',
				],
				tsconfigRootDir: import.meta.dirname,
			},
		},
		rules: {
			'max-len': maxLen,
			// node:test's test() returns a promise the runner itself awaits.
			'@typescript-eslint/no-floating-promises': [
				'error',
				{
					allowForKnownSafeCalls: [
						{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
					],
				},
			],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	},
	{
		files: ['renderer/src/**/*.tsx', 'renderer/src/**/*.ts'],
		plugins: { 'react-hooks': reactHooks },
		rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
	},
	{
		files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: { globals: { ...globals.node } },
		rules: { 'max-len': maxLen },
	},
);
