import { addService } from '../broker/social-map';
import { count, eq } from 'drizzle-orm';
import type { DB, Tx } from '../db/client';
import {
	categories,
	lendingDeskStaff,
	neighbourhoodBrokers,
	neighbourhoods,
	streets,
	userCategories,
	users
} from '../db/schema';
import { hashPassword } from '../auth/password';
import { approximate } from '../geo/approx';
import { newId } from '../ids';
import { log } from '../log';
import { createPost } from '../posts/create';
import { seedDemoHistory } from './history';
import { acceptResponse, respond } from '../posts/responses';
import { setSetting } from '../settings';
import { localDate } from '../calendar';
import { grantBadge } from '../trust/grant';
import { setBadgeRules } from '../trust/rules';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { DEMO_PASSWORD, DEMO_TOTP_KEY } from './mode';
import { SECOND_NEIGHBOURHOOD, SECOND_PEOPLE } from './second-neighbourhood';
import { seedDemoTools } from './tools';
import { seedDemoVolunteering } from './volunteers';
import { seedDemoBackoffice } from './backoffice';
import { seedDemoCircles } from './circles';
import { DEMO_NEIGHBOURHOOD, DEMO_PEOPLE, DEMO_STREETS } from './first-neighbourhood';
import { DEMO_BADGE_RULES, DEMO_BADGES, DEMO_SERVICES, demoPosts } from './activity';
import type { DemoNeighbourhood, DemoPerson } from './types';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Fills an empty database with the demo neighbourhood. Does nothing when anyone has an account,
 * so a real installation is never touched. Called only when `mayStartDemo` allows it.
 */
export async function seedDemoIfEmpty(db: DB, now: number): Promise<boolean> {
	const existing = db.select({ n: count() }).from(users).get();
	if ((existing?.n ?? 0) > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => {
		const categoryIds = new Map(
			tx
				.select({ id: categories.id, slug: categories.slug })
				.from(categories)
				.all()
				.map((c) => [c.slug, c.id])
		);
		const hood = insertNeighbourhood(tx, DEMO_NEIGHBOURHOOD, now);
		insertPeople(tx, hood, DEMO_PEOPLE, passwordHash, categoryIds, now);
		// A second, smaller neighbourhood with its own broker: brokers only see their own.
		const second = insertNeighbourhood(tx, SECOND_NEIGHBOURHOOD, now);
		insertPeople(tx, second, SECOND_PEOPLE, passwordHash, categoryIds, now);
		seedDemoTools(tx, hood.id, now);
		setSetting(tx, 'demo', '1');
	});
	seedDemoActivity(db, now);
	seedDemoHistory(db, 'Europe/Brussels', now);
	seedDemoServices(db, now);
	seedDemoVolunteering(db, now);
	seedDemoBackoffice(db, passwordHash, now);
	seedDemoCircles(db, now);
	log.info('demo.seeded', {
		people: DEMO_PEOPLE.length + SECOND_PEOPLE.length,
		streets: DEMO_STREETS.length + SECOND_NEIGHBOURHOOD.streets.length
	});
	return true;
}

function insertNeighbourhood(tx: Tx, n: DemoNeighbourhood, now: number) {
	const hood = tx
		.insert(neighbourhoods)
		.values({
			slug: n.slug,
			name: n.name,
			boundary: JSON.stringify(n.boundary),
			centreLat: n.centre.lat,
			centreLon: n.centre.lon,
			timeZone: 'Europe/Brussels',
			phoneDutyNumber: n.phoneDutyNumber,
			phoneDutyHours: JSON.stringify(n.phoneDutyHours),
			followUpDelayDays: 14,
			createdAt: now - n.createdDaysAgo * DAY
		})
		.returning()
		.all()[0]!;
	const streetRows = n.streets.map(
		([name, dLat, dLon]) =>
			tx
				.insert(streets)
				.values({
					neighbourhoodId: hood.id,
					name,
					lat: n.centre.lat + dLat,
					lon: n.centre.lon + dLon
				})
				.returning()
				.all()[0]!
	);
	return { id: hood.id, streets: streetRows };
}

/** The people of one neighbourhood; its brokers become its brokers, with the demo second factor. */
function insertPeople(
	tx: Tx,
	hood: { id: number; streets: { id: number; lat: number; lon: number }[] },
	people: DemoPerson[],
	passwordHash: string,
	categoryIds: Map<string, number>,
	now: number
): void {
	for (const p of people) {
		const street = hood.streets[p.street]!;
		// Houses sit a few metres apart along the street, so neighbours do not share one point.
		const exactLat = street.lat + (Number.parseInt(p.house) % 7) * 0.00007;
		const exactLon = street.lon + (Number.parseInt(p.house) % 5) * 0.0001;
		const approx = approximate(exactLat, exactLon);
		const id = newId();
		tx.insert(users)
			.values({
				id,
				email: p.email,
				emailVerifiedAt: now - p.sinceDays * DAY,
				passwordHash,
				role: p.role ?? 'resident',
				// Brokers, admins and desk volunteers need a second factor; in the demo they share the
				// public demo key.
				totpKey: p.role || p.desk ? Buffer.from(decodeBase32IgnorePadding(DEMO_TOTP_KEY)) : null,
				displayName: p.name,
				phone: p.phone ?? null,
				locale: p.locale ?? 'nl',
				languages: JSON.stringify(p.languages),
				about: p.about,
				availability: JSON.stringify(p.availability),
				neighbourhoodId: hood.id,
				streetId: street.id,
				houseNumber: p.house,
				placeSource: 'street',
				exactLat,
				exactLon,
				approxCell: approx.cell,
				approxLat: approx.lat,
				approxLon: approx.lon,
				createdAt: now - p.sinceDays * DAY
			})
			.run();
		for (const slug of p.helps) {
			const categoryId = categoryIds.get(slug);
			if (categoryId) tx.insert(userCategories).values({ userId: id, categoryId }).run();
		}
		if (p.role === 'broker')
			tx.insert(neighbourhoodBrokers).values({ neighbourhoodId: hood.id, userId: id }).run();
		if (p.desk)
			tx.insert(lendingDeskStaff)
				.values({ neighbourhoodId: hood.id, userId: id, createdAt: now - p.sinceDays * DAY })
				.run();
	}
}

/** Badges, posts, responses and matches, made through the same domain functions as the site. */
function seedDemoActivity(db: DB, now: number): void {
	const byEmail = new Map(
		db
			.select({ id: users.id, email: users.email })
			.from(users)
			.all()
			.map((u) => [u.email, u.id])
	);
	const broker = byEmail.get('an@naburig.example')!;
	for (const [email, kind, ago, note, extra] of DEMO_BADGES) {
		const userId = byEmail.get(email);
		if (!userId) continue;
		const at = now - ago * DAY;
		const granted = grantBadge(
			db,
			{
				userId,
				brokerId: broker,
				kind,
				checkedOn: localDate(at, 'Europe/Brussels'),
				note,
				issuedOn: extra ? localDate(now - extra.issuedDaysAgo * DAY, 'Europe/Brussels') : null,
				label: extra?.label ?? null
			},
			at
		);
		if (!granted.ok) throw new Error(`Demo badge ${kind} for ${email} was refused`);
	}
	const categoryIds = new Map(
		db
			.select({ id: categories.id, slug: categories.slug })
			.from(categories)
			.all()
			.map((c) => [c.slug, c.id])
	);
	const hood = db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get()!;
	setBadgeRules(
		db,
		broker,
		hood.id,
		DEMO_BADGE_RULES.map(([slug, kind]) => ({ categoryId: categoryIds.get(slug)!, kind })),
		now
	);
	demoPosts(now).forEach((p, i) => {
		const authorId = byEmail.get(p.by)!;
		const at = now - p.daysAgo * DAY - i * 60_000;
		const { by, category, daysAgo, responses = [], ...rest } = p;
		const result = createPost(
			db,
			authorId,
			{
				...rest,
				categoryId: categoryIds.get(category)!,
				helpersNeeded: p.helpersNeeded ?? 1,
				standing: p.standing ?? false,
				place: p.place ?? { type: 'home' },
				submissionKey: `demo-${i}`
			},
			true,
			at
		);
		if (!result.ok) throw new Error(`Demo post ${i} was refused: ${result.error}`);
		for (const [email, message, accepted] of responses) {
			const r = respond(db, result.post, byEmail.get(email)!, message, at + 3600_000);
			if (r.ok && accepted) acceptResponse(db, r.response.id, authorId, at + 7200_000);
		}
	});
}

// ——— Broker intake: a few services on the social map ———

function seedDemoServices(db: DB, now: number): void {
	const hood = db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get();
	if (!hood) return;
	for (const s of DEMO_SERVICES) addService(db, null, hood.id, { ...s, categoryIds: [] }, now);
}
