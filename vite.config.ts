import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		// Under Vitest the messages compiled by `npm run prepare` are used as they are; the
		// plugin's file watcher would keep the test process from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// The person's choice (cookie) wins, then the browser's languages, then Dutch.
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			})
	],
	build: {
		rollupOptions: {
			output: {
				// Paraglide makes a module per message, and the bundler a chunk per set of pages
				// sharing messages: dozens of tiny scripts per page, each a round trip on a slow phone
				// network. Small sets are merged into their nearest neighbour instead.
				codeSplitting: {
					groups: [
						{
							name: 'messages',
							test: /[\\/]paraglide[\\/]messages[\\/]/,
							entriesAware: true,
							entriesAwareMergeThreshold: 8_000
						}
					]
				}
			},
			// sveltekit-superforms bundles a JSON-schema converter with harmless import cycles.
			onwarn(warning, warn) {
				if (warning.code === 'CIRCULAR_DEPENDENCY') return;
				warn(warning);
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000
	}
});
