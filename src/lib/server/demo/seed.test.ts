import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ensureCategories } from '../categories/pilot';
import { categoryBadgeRules, matches, posts, tasks, tools, trustBadges, users } from '../db/schema';
import { handleBadgeExpiry } from '../trust/expiry';
import { ensureToolCategories } from '../lending/categories';
import { createTestDb } from '../db/test-db';
import { getSetting } from '../settings';
import { DEMO_PEOPLE, seedDemoIfEmpty } from './seed';

describe('the demo neighbourhood', () => {
	it('fills an empty database once, through the real domain rules', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		expect(await seedDemoIfEmpty(db, Date.UTC(2026, 10, 23))).toBe(true);
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(DEMO_PEOPLE.length);
		expect(getSetting(db, 'demo')).toBe('1');
		const statuses = db
			.select({ status: posts.status })
			.from(posts)
			.all()
			.map((p) => p.status);
		// Vetted residents' posts are open; newcomers' posts wait for the broker.
		expect(statuses).toContain('open');
		expect(statuses).toContain('pending');
		expect(statuses).toContain('filled');
		expect(
			db.select({ n: count() }).from(matches).where(eq(matches.status, 'active')).get()!.n
		).toBe(1);

		expect(db.select({ n: count() }).from(tools).get()!.n).toBe(9);

		// Badges with a broker's note, a rule for help in the home, and one certificate to renew.
		const jozef = db.select().from(users).where(eq(users.email, 'jozef@naburig.example')).get()!;
		const badges = db.select().from(trustBadges).where(eq(trustBadges.userId, jozef.id)).all();
		expect(badges.map((b) => b.kind).sort()).toEqual(['good_conduct', 'met_in_person']);
		expect(badges.every((b) => b.note.length > 20 && b.checkedAt !== null)).toBe(true);
		expect(
			db
				.select()
				.from(categoryBadgeRules)
				.all()
				.map((r) => r.badgeKind)
		).toEqual(['met_in_person']);
		const now = Date.UTC(2026, 10, 23);
		handleBadgeExpiry(db, now, 'https://buurt.example');
		expect(
			db
				.select()
				.from(tasks)
				.where(eq(tasks.kind, 'badge_expiring'))
				.all()
				.map((t) => t.subjectUserId)
		).toEqual([db.select().from(users).where(eq(users.email, 'sofie@naburig.example')).get()!.id]);

		expect(await seedDemoIfEmpty(db, Date.UTC(2026, 10, 24))).toBe(false);
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(DEMO_PEOPLE.length);
	});
});
