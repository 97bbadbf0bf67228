import { partnerServices, steeringNeighbourhoods } from '../backoffice/roles';
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ensureCategories } from '../categories/pilot';
import {
	categoryBadgeRules,
	checkInPlans,
	circles,
	matches,
	neighbourhoodBrokers,
	neighbourhoods,
	posts,
	streets,
	tasks,
	tools,
	trustBadges,
	users
} from '../db/schema';
import { isInside, parseBoundary } from '../geo/boundary';
import { handleBadgeExpiry } from '../trust/expiry';
import { ensureToolCategories } from '../lending/categories';
import { createTestDb } from '../db/test-db';
import { getSetting } from '../settings';
import { DEMO_PEOPLE } from './first-neighbourhood';
import { seedDemoIfEmpty } from './seed';
import { circlesOf } from '../circles/circles';
import { openCircle } from '../circles/access';
import { planView } from '../circles/plan';
import { SECOND_PEOPLE } from './second-neighbourhood';

describe('the demo neighbourhood', () => {
	it('fills an empty database once, through the real domain rules', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		expect(await seedDemoIfEmpty(db, Date.UTC(2026, 10, 23))).toBe(true);
		// The residents, brokers and admin of both neighbourhoods, and the partner and steering member.
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(
			DEMO_PEOPLE.length + SECOND_PEOPLE.length + 2
		);
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
		// The training badge comes from the discretion training he attended (demo/volunteers.ts).
		expect(badges.map((b) => b.kind).sort()).toEqual(['good_conduct', 'met_in_person', 'training']);
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
		// The residents, brokers and admin of both neighbourhoods, and the partner and steering member.
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(
			DEMO_PEOPLE.length + SECOND_PEOPLE.length + 2
		);
	});

	it('has a second neighbourhood beside the first, with its own broker and streets', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		await seedDemoIfEmpty(db, Date.UTC(2026, 10, 23));
		const hoods = db.select().from(neighbourhoods).orderBy(asc(neighbourhoods.id)).all();
		expect(hoods.map((h) => [h.id, h.slug])).toEqual([
			[1, 'oud-oefenplein'],
			[2, 'ganzenpoel']
		]);
		const [first, second] = hoods.map((h) => ({ ...h, shape: parseBoundary(h.boundary)! }));
		// Each street and centre lies in its own neighbourhood and not in the other.
		const pairs = [
			[first!, second!],
			[second!, first!]
		] as const;
		for (const [own, other] of pairs) {
			const rows = db.select().from(streets).where(eq(streets.neighbourhoodId, own.id)).all();
			expect(rows.length).toBeGreaterThan(3);
			for (const s of [...rows, { lat: own.centreLat, lon: own.centreLon }]) {
				expect(isInside(own.shape, s.lat, s.lon)).toBe(true);
				expect(isInside(other.shape, s.lat, s.lon)).toBe(false);
			}
			// The boundaries do not overlap: no corner of one lies inside the other.
			const ring = own.shape.type === 'Polygon' ? own.shape.coordinates[0]! : [];
			expect(ring.some(([lon, lat]) => isInside(other.shape, lat!, lon!))).toBe(false);
		}
		// Bram brokers the second neighbourhood only, with the demo second factor.
		const bram = db.select().from(users).where(eq(users.email, 'bram@naburig.example')).get()!;
		expect(bram.role).toBe('broker');
		expect(bram.neighbourhoodId).toBe(2);
		expect(bram.totpKey).not.toBeNull();
		expect(
			db
				.select({ n: neighbourhoodBrokers.neighbourhoodId })
				.from(neighbourhoodBrokers)
				.where(eq(neighbourhoodBrokers.userId, bram.id))
				.all()
		).toEqual([{ n: 2 }]);
		// Nothing else lives there: the first neighbourhood's posts and tools stay its own.
		expect(db.select().from(posts).where(eq(posts.neighbourhoodId, 2)).all()).toEqual([]);
		expect(db.select().from(tools).where(eq(tools.neighbourhoodId, 2)).all()).toEqual([]);
	});

	it('has a partner of the OCMW and a steering-group member, both with the second factor', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		await seedDemoIfEmpty(db, Date.UTC(2026, 11, 5));
		const els = db.select().from(users).where(eq(users.email, 'els@naburig.example')).get()!;
		const wim = db.select().from(users).where(eq(users.email, 'wim@naburig.example')).get()!;
		expect([els.role, wim.role]).toEqual(['partner', 'steering']);
		expect(els.totpKey).not.toBeNull();
		expect(wim.totpKey).not.toBeNull();
		expect(partnerServices(db, els.id).map((s) => s.serviceName)).toEqual(['OCMW Sociale dienst']);
		expect(steeringNeighbourhoods(db, wim.id).map((n) => n.id)).toEqual([1]);
	});

	it('has a care circle around Gilbert that Maria keeps going, and one around Annie she is not in', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		const now = Date.UTC(2026, 11, 5, 9);
		await seedDemoIfEmpty(db, now);
		const maria = db.select().from(users).where(eq(users.email, 'maria@naburig.example')).get()!;
		const jozef = db.select().from(users).where(eq(users.email, 'jozef@naburig.example')).get()!;
		const mine = circlesOf(db, maria.id);
		expect(mine.map((c) => c.centreName)).toEqual(['Gilbert Hendrickx']);
		const circle = openCircle(db, mine[0]!.id, maria.id)!;
		expect(circle.role).toBe('coordinator');
		const plan = planView(db, circle.circle, now);
		expect(plan.find((s) => s.title === 'Boodschappen')?.takenById).toBe(jozef.id);
		expect(plan.some((s) => s.open)).toBe(true);
		const all = db.select().from(circles).all();
		expect(all).toHaveLength(2);
		const annies = all.find((c) => c.id !== circle.circle.id)!;
		expect(openCircle(db, annies.id, maria.id)).toBeNull();
		expect(
			db
				.select()
				.from(checkInPlans)
				.all()
				.map((p) => [p.callerId, p.contactId])
		).toEqual([[jozef.id, maria.id]]);
	});
});
