import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with better messages.
			'no-undef': 'off',
			// The site has no base path, so plain hrefs are right; resolve() would only add noise.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', ignoreRestSiblings: true }
			],
			// Forms take the site's defaults (an error on the server shows the error page).
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'sveltekit-superforms',
							importNames: ['superForm'],
							message: "Import superForm from '$lib/forms'."
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/forms.ts'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Playwright fixtures must destructure an (empty) object as their first argument.
		files: ['tests/e2e/**/*.ts'],
		rules: { 'no-empty-pattern': 'off' }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'data/',
			'bench/data/'
		]
	}
);
