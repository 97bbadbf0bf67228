import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/** The demo password and accounts seeded by DEMO=1 (see src/lib/server/demo/seed.ts). */
export const DEMO_PASSWORD = 'buurt-demo-2026';
export const DEMO = {
	admin: 'griet@naburig.example',
	broker: 'an@naburig.example',
	resident: 'maria@naburig.example',
	helper: 'jozef@naburig.example'
} as const;

/** A client address from the documentation ranges, different for (almost) every test. */
function randomClientAddress(): string {
	const net = Math.random() < 0.5 ? '198.51.100' : '203.0.113';
	return `${net}.${1 + Math.floor(Math.random() * 254)}`;
}

export const test = base.extend<{ clientAddress: string }>({
	clientAddress: async ({}, use) => use(randomClientAddress()),
	// The server reads the client address from X-Forwarded-For in tests (ADDRESS_HEADER), so
	// rate limits count per test, as they would per person.
	extraHTTPHeaders: async ({ clientAddress }, use) => use({ 'x-forwarded-for': clientAddress }),
	locale: 'nl-BE'
});

/** A unique e-mail address for a person created by one test. */
export function uniqueEmail(label: string): string {
	return `${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@test.naburig.example`;
}

/** Fails the test when axe finds WCAG 2.2 AA violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
