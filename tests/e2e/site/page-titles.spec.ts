import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';

/** The <title>s and meta descriptions in the HTML the server sends, before any JavaScript. */
async function head(request: APIRequestContext, path: string) {
	const response = await request.get(path);
	expect(response.status(), path).toBe(200);
	const html = await response.text();
	const unescape = (s: string) =>
		s
			.replace(/&amp;/g, '&')
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.trim();
	return {
		titles: [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((t) => unescape(t[1]!)),
		descriptions: [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((d) =>
			unescape(d[1]!)
		)
	};
}

const PUBLIC: [string, string, string][] = [
	['/', 'Naburig – Buren helpen buren', 'Vraag of bied hulp aan je buren'],
	['/sign-in', 'Aanmelden – Naburig', 'Meld je aan om hulp te vragen of te bieden'],
	['/sign-up', 'Account maken – Naburig', 'Maak gratis een account'],
	['/tools', 'Gereedschap lenen – Naburig', 'Leen gereedschap van de buurt']
];

const RESIDENT: [string, string, string][] = [
	['/posts', 'Hulpvragen en aanbod – Naburig', 'Wat je buren vragen en aanbieden'],
	['/posts/new', 'Vraag of bied hulp – Naburig', 'Vraag hulp of bied hulp aan in je buurt'],
	['/profile', 'Mijn profiel – Naburig', 'Wat anderen over je zien']
];

test('every page names itself in its title and describes itself before JavaScript', async ({
	page,
	signInAs
}) => {
	for (const [path, title, description] of PUBLIC) {
		const found = await head(page.request, path);
		expect(found.titles, path).toEqual([title]);
		expect(found.descriptions, path).toHaveLength(1);
		expect(found.descriptions[0], path).toContain(description);
	}
	// A page without a description of its own says what the site is.
	const badges = await head(page.request, '/badges');
	expect(badges.descriptions).toEqual([
		'Buren vragen en bieden elkaar hulp in de buurt, en lenen samen gereedschap. Gratis, dichtbij, en je adres blijft privé.'
	]);

	await signInAs(page, 'resident');
	for (const [path, title, description] of RESIDENT) {
		const found = await head(page.request, path);
		expect(found.titles, path).toEqual([title]);
		expect(found.descriptions, path).toHaveLength(1);
		expect(found.descriptions[0], path).toContain(description);
	}
});
