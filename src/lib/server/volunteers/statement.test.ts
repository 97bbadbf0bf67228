import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import {
	categories,
	gatherings,
	gatheringSignups,
	matches,
	posts,
	streets,
	trustBadges,
	users
} from '../db/schema';
import type { DB } from '../db/client';
import { ensureCategories } from '../categories/pilot';
import { ensureToolCategories } from '../lending/categories';
import { seedDemoIfEmpty } from '../demo/seed';
import { endMatch } from '../posts/responses';
import { brussels } from '../testing/dates';
import { makeNeighbourhood } from '../testing/posts';
import { volunteerHelp } from '../testing/volunteer-reporting';
import type { GatheringKind } from '$lib/volunteers/lists';
import { volunteeringStatement } from './statement';
import { hoursText, statementHtml, statementText } from './statement-text';

function setUp() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const griet = ctx.resident('Griet Vermeulen');
	db.insert(trustBadges).values({ userId: griet.id, kind: 'met_in_person', grantedAt: 0 }).run();
	const jozef = ctx.resident('Jozef');
	const { match, told } = volunteerHelp(db, ctx, griet);
	const garden = db.select().from(categories).where(eq(categories.slug, 'garden')).get()!;
	const gathering = (kind: GatheringKind, name: string, startsAt: number, cancelled = false) => {
		const g = db
			.insert(gatherings)
			.values({
				neighbourhoodId: ctx.hood.id,
				kind,
				name,
				place: 'Zaal',
				startsAt,
				endsAt: startsAt + 7_200_000,
				audience: 'volunteers',
				createdAt: 0,
				cancelledAt: cancelled ? startsAt - 1000 : null
			})
			.returning()
			.all()[0]!;
		return (attended: boolean | null) =>
			db
				.insert(gatheringSignups)
				.values({
					gatheringId: g.id,
					userId: jozef.id,
					status: 'signed_up',
					createdAt: 0,
					attended
				})
				.run();
	};
	// November 2025: a small job, done, 90 minutes told.
	const first = match(jozef, brussels('2025-11-10'));
	endMatch(db, first, jozef.id, 'done', null, brussels('2025-11-20'));
	told(first, jozef.id, brussels('2025-11-25'), 90);
	// February 2026: garden work, still going, an hour told; Griet's own minutes do not count.
	const second = match(jozef, brussels('2026-02-03'), ctx.hood.id, garden.id);
	told(second, jozef.id, brussels('2026-02-20'), 60);
	told(second, griet.id, brussels('2026-02-20'), 500);
	// March 2026: cancelled, never happened.
	endMatch(
		db,
		match(jozef, brussels('2026-03-01')),
		jozef.id,
		'cancelled',
		null,
		brussels('2026-03-02')
	);
	gathering('training', 'Discretie', brussels('2026-01-15', '14:00'))(true);
	gathering('training', 'Eerste hulp', brussels('2026-01-20', '14:00'))(false);
	gathering('intervision', '', brussels('2026-03-10', '19:00'))(true);
	gathering('intervision', '', brussels('2026-04-10', '19:00'), true)(true);
	db.insert(trustBadges)
		.values({
			userId: jozef.id,
			kind: 'training',
			label: 'Discretie',
			grantedAt: brussels('2026-01-16'),
			issuedAt: brussels('2026-01-15'),
			expiresAt: brussels('2027-01-15')
		})
		.run();
	return { db, jozef, griet };
}

describe("a volunteer's statement", () => {
	it('tells when they helped, what kinds of help, their hours per year, trainings and gatherings', () => {
		const { db, jozef } = setUp();
		expect(volunteeringStatement(db, jozef.id, 'en', brussels('2026-04-01'))).toEqual({
			name: 'Jozef',
			neighbourhood: 'Testwijk',
			today: '2026-04-01',
			firstHelped: '2025-11-10',
			lastHelped: '2026-02-03',
			ongoing: true,
			years: [
				{ year: 2025, times: 1, minutes: 90 },
				{ year: 2026, times: 1, minutes: 60 }
			],
			kinds: [
				{ name: 'Garden work', times: 1 },
				{ name: 'Small jobs in the house', times: 1 }
			],
			minutes: 150,
			trainings: [{ name: 'Discretie', date: '2026-01-15' }],
			badges: [{ label: 'Discretie', date: '2026-01-15', until: '2027-01-15' }],
			gatheringsAttended: 2
		});
	});

	it('says it in the reader’s language, dates the way people say them', () => {
		const { db, jozef } = setUp();
		const text = statementText(
			volunteeringStatement(db, jozef.id, 'nl', brussels('2026-04-01'))!,
			'nl'
		);
		expect(text.title).toBe('Attest vrijwilligerswerk');
		expect(text.facts[2]).toEqual({ label: 'Gemaakt op', value: '1 april 2026' });
		const lines = text.sections.flatMap((s) => s.lines);
		expect(lines).toContain('Sinds 10 november 2025, en nog altijd');
		expect(lines).toContain('2025: 1 keer geholpen');
		expect(lines).toContain('Tuinwerk: 1 keer');
		expect(lines).toContain('In totaal: 2,5 uur');
		expect(lines).toContain('2026: 1 uur');
		expect(lines.some((l) => l.includes('Discretie') && l.includes('15 januari 2026'))).toBe(true);
		expect(lines).toContain('Aanwezig op 2 bijeenkomsten voor vrijwilligers of buren.');
		expect(hoursText(150, 'en')).toBe('2.5 hours');
		expect(hoursText(60, 'fr')).toBe('1\u00a0heure');
	});

	it('is a self-contained file without scripts, its words escaped', () => {
		const { db, jozef } = setUp();
		db.update(users)
			.set({ displayName: 'Jozef <script>alert(1)</script>' })
			.where(eq(users.id, jozef.id))
			.run();
		const html = statementHtml(
			statementText(volunteeringStatement(db, jozef.id, 'ar', brussels('2026-04-01'))!, 'ar')
		);
		expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
		expect(html).not.toMatch(/<script|src=|href=/i);
		expect(html).toContain('Jozef &lt;script&gt;');
	});

	it('names none of the people the demo helper Jozef helped, nor their requests', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		const now = Date.UTC(2026, 10, 23, 12);
		await seedDemoIfEmpty(db, now);
		const jozef = db.select().from(users).where(eq(users.email, 'jozef@naburig.example')).get()!;
		const helped = helpedBy(db, jozef.id);
		expect(helped.names.length).toBeGreaterThan(2);
		const statement = volunteeringStatement(db, jozef.id, 'nl', now)!;
		const html = statementHtml(statementText(statement, 'nl'));
		expect(html).toContain('Jozef Peeters');
		expect(html).toContain('Discretie en beroepsgeheim');
		// The demo's helpers told their minutes in the past follow-ups.
		expect(statement.minutes).toBeGreaterThan(60);
		for (const said of [JSON.stringify(statement), html])
			for (const word of [...helped.names, ...helped.titles, ...helped.addresses])
				expect(said).not.toContain(word);
	});
});

/** The names, first names, addresses and request titles of everyone this helper helped. */
function helpedBy(db: DB, helperId: string) {
	const rows = db
		.select({
			name: users.displayName,
			street: streets.name,
			number: users.houseNumber,
			phone: users.phone,
			title: posts.title
		})
		.from(matches)
		.innerJoin(users, eq(users.id, matches.requesterId))
		.leftJoin(streets, eq(streets.id, users.streetId))
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(eq(matches.helperId, helperId))
		.all();
	return {
		names: [...new Set(rows.flatMap((r) => [r.name, r.name.split(' ')[0]!]))],
		addresses: [
			...new Set(
				rows.flatMap((r) => [r.street && r.number ? `${r.street} ${r.number}` : '', r.phone ?? ''])
			)
		].filter((a) => a !== ''),
		titles: [...new Set(rows.map((r) => r.title))]
	};
}
