import { cellToLatLng } from 'h3-js';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ProfileForm } from '$lib/schemas/profile';
import type { DB } from '../db/client';
import { categories, neighbourhoods, outbox, streets, userCategories, users } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { getProfile, saveHomeStreet, updateProfile } from './profile';
import { confirmPhoneCode, requestPhoneCode } from '../sms/verify';
import { activeBadges } from '../trust/badges';
import { getPublicProfile } from './public';

/** A square neighbourhood of about 1 km around a centre in Mechelen, with two streets. */
function setUp(): {
	db: DB;
	hood: number;
	market: number;
	mill: number;
	garden: number;
	bins: number;
	retired: number;
} {
	const db = createTestDb();
	const ring = [
		[4.48, 51.03],
		[4.49, 51.03],
		[4.49, 51.04],
		[4.48, 51.04],
		[4.48, 51.03]
	];
	const hood = db
		.insert(neighbourhoods)
		.values({
			slug: 'test',
			name: 'Testwijk',
			boundary: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
			centreLat: 51.035,
			centreLon: 4.485,
			createdAt: 0
		})
		.returning()
		.all()[0]!.id;
	const market = db
		.insert(streets)
		.values({ neighbourhoodId: hood, name: 'Marktstraat', lat: 51.0331, lon: 4.4822 })
		.returning()
		.all()[0]!.id;
	const mill = db
		.insert(streets)
		.values({ neighbourhoodId: hood, name: 'Molenstraat', lat: 51.0377, lon: 4.4871 })
		.returning()
		.all()[0]!.id;
	const cat = (slug: string, active = true) =>
		db
			.insert(categories)
			.values({ slug, names: JSON.stringify({ nl: `nl-${slug}`, en: `en-${slug}` }), active })
			.returning()
			.all()[0]!.id;
	return {
		db,
		hood,
		market,
		mill,
		garden: cat('garden'),
		bins: cat('bins'),
		retired: cat('retired', false)
	};
}

const empty: ProfileForm = {
	displayName: 'Maria Janssens',
	phone: '',
	languages: [],
	about: '',
	categories: [],
	availability: [],
	streetId: null,
	houseNumber: '',
	pinLat: null,
	pinLon: null
};

describe('updateProfile', () => {
	it('stores every field, and a street from the list sets the neighbourhood and both points', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		const result = updateProfile(
			t.db,
			user.id,
			{
				displayName: 'Maria Janssens',
				phone: '015 41 22 87',
				languages: ['nl', 'tr', 'nl'],
				about: 'Ik hou van een babbel.',
				categories: [t.garden, t.bins],
				availability: ['mon-morning', 'sun-evening'],
				streetId: t.market,
				houseNumber: '7 bus 2',
				pinLat: null,
				pinLon: null
			},
			0
		);
		expect(result).toEqual({ ok: true });

		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(row.displayName).toBe('Maria Janssens');
		expect(row.phone).toBe('015 41 22 87');
		expect(JSON.parse(row.languages)).toEqual(['nl', 'tr']);
		expect(row.about).toBe('Ik hou van een babbel.');
		expect(JSON.parse(row.availability)).toEqual(['mon-morning', 'sun-evening']);
		expect(row.streetId).toBe(t.market);
		expect(row.houseNumber).toBe('7 bus 2');
		expect(row.neighbourhoodId).toBe(t.hood);
		expect([row.exactLat, row.exactLon]).toEqual([51.0331, 4.4822]);
		const [cLat, cLon] = cellToLatLng(row.approxCell!);
		expect(row.approxLat).toBeCloseTo(cLat, 6);
		expect(row.approxLon).toBeCloseTo(cLon, 6);
		expect([row.approxLat, row.approxLon]).not.toEqual([row.exactLat, row.exactLon]);
		const helps = t.db
			.select()
			.from(userCategories)
			.where(eq(userCategories.userId, user.id))
			.all();
		expect(helps.map((h) => h.categoryId).sort()).toEqual([t.garden, t.bins].sort());

		// Reading it back gives the form what was saved, with no pin (the point is the street's).
		const own = getProfile(t.db, user.id)!;
		expect(own.values).toMatchObject({
			streetId: t.market,
			houseNumber: '7 bus 2',
			pinLat: null,
			pinLon: null
		});
		expect(own.values.categories.sort()).toEqual([t.garden, t.bins].sort());
		expect(own.neighbourhoodName).toBe('Testwijk');
	});

	it('accepts a pin inside the boundary: it sets the neighbourhood and the exact point', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		expect(updateProfile(t.db, user.id, { ...empty, pinLat: 51.0362, pinLon: 4.4843 }, 0)).toEqual({
			ok: true
		});
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(row.neighbourhoodId).toBe(t.hood);
		expect(row.streetId).toBeNull();
		expect([row.exactLat, row.exactLon]).toEqual([51.0362, 4.4843]);
		expect(row.approxCell).toMatch(/^89/);
		expect(getProfile(t.db, user.id)!.values).toMatchObject({ pinLat: 51.0362, pinLon: 4.4843 });
	});

	it('with a pin and a street, the pin is the exact point and the street is kept for brokers', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		expect(
			updateProfile(
				t.db,
				user.id,
				{
					...empty,
					streetId: t.mill,
					houseNumber: '3',
					pinLat: 51.0375,
					pinLon: 4.4869
				},
				0
			)
		).toEqual({ ok: true });
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect([row.exactLat, row.exactLon, row.streetId, row.neighbourhoodId]).toEqual([
			51.0375,
			4.4869,
			t.mill,
			t.hood
		]);
	});

	it("remembers a pin placed right on the street's point as a pin, and a street alone as no pin", () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		const mill = t.db.select().from(streets).where(eq(streets.id, t.mill)).get()!;
		updateProfile(
			t.db,
			user.id,
			{
				...empty,
				streetId: t.mill,
				pinLat: mill.lat,
				pinLon: mill.lon
			},
			0
		);
		expect(getProfile(t.db, user.id)!.values).toMatchObject({ pinLat: mill.lat, pinLon: mill.lon });
		updateProfile(t.db, user.id, { ...empty, streetId: t.mill }, 0);
		expect(getProfile(t.db, user.id)!.values).toMatchObject({ streetId: t.mill, pinLat: null });
	});

	it('refuses a pin outside every neighbourhood and changes nothing', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		updateProfile(
			t.db,
			user.id,
			{
				...empty,
				about: 'Eerst',
				streetId: t.market,
				houseNumber: '1',
				categories: [t.garden]
			},
			0
		);
		const before = t.db.select().from(users).where(eq(users.id, user.id)).get();

		const result = updateProfile(
			t.db,
			user.id,
			{
				...empty,
				displayName: 'Iemand anders',
				about: 'Nieuw',
				categories: [t.bins],
				pinLat: 51.05,
				pinLon: 4.485
			},
			0
		);
		expect(result).toEqual({ ok: false, field: 'pinLat', error: 'profile_err_pin_outside' });
		expect(t.db.select().from(users).where(eq(users.id, user.id)).get()).toEqual(before);
		expect(
			t.db
				.select()
				.from(userCategories)
				.where(eq(userCategories.userId, user.id))
				.all()
				.map((c) => c.categoryId)
		).toEqual([t.garden]);
	});

	it('refuses an unknown or retired category, an unknown street, language or time of day', () => {
		const t = setUp();
		const user = insertTestUser(t.db, { about: 'Zoals het was' });
		expect(
			updateProfile(t.db, user.id, { ...empty, about: 'x', categories: [t.garden, 9999] }, 0)
		).toEqual({ ok: false, field: 'categories', error: 'profile_err_category_unknown' });
		expect(updateProfile(t.db, user.id, { ...empty, categories: [t.retired] }, 0)).toMatchObject({
			ok: false,
			field: 'categories'
		});
		expect(updateProfile(t.db, user.id, { ...empty, streetId: 9999 }, 0)).toEqual({
			ok: false,
			field: 'streetId',
			error: 'profile_err_street_unknown'
		});
		expect(updateProfile(t.db, user.id, { ...empty, languages: ['nl', 'xx'] }, 0)).toMatchObject({
			ok: false,
			field: 'languages'
		});
		expect(
			updateProfile(t.db, user.id, { ...empty, availability: ['mon-night'] }, 0)
		).toMatchObject({
			ok: false,
			field: 'availability'
		});
		expect(updateProfile(t.db, user.id, { ...empty, houseNumber: '5' }, 0)).toMatchObject({
			ok: false,
			field: 'streetId',
			error: 'profile_err_street_needed'
		});
		expect(t.db.select().from(users).where(eq(users.id, user.id)).get()!.about).toBe(
			'Zoals het was'
		);
		expect(t.db.select().from(userCategories).all()).toEqual([]);
	});

	it('clears the place when neither a street nor a pin is given', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		updateProfile(t.db, user.id, { ...empty, streetId: t.market, houseNumber: '1' }, 0);
		expect(updateProfile(t.db, user.id, empty, 0)).toEqual({ ok: true });
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect([
			row.neighbourhoodId,
			row.streetId,
			row.houseNumber,
			row.exactLat,
			row.approxCell,
			row.approxLat
		]).toEqual([null, null, null, null, null, null]);
	});
});

describe('saveHomeStreet', () => {
	it('saves the street and house number as the profile would, and nothing else', () => {
		const t = setUp();
		const asked = insertTestUser(t.db, { about: 'Ik wandel graag.' });
		const profiled = insertTestUser(t.db);
		expect(saveHomeStreet(t.db, asked.id, t.mill, '3')).toEqual({ ok: true });
		updateProfile(t.db, profiled.id, { ...empty, streetId: t.mill, houseNumber: '3' }, 0);
		const place = (id: string) => {
			const row = t.db.select().from(users).where(eq(users.id, id)).get()!;
			const { neighbourhoodId, streetId, houseNumber, placeSource, exactLat, exactLon } = row;
			const { approxCell, approxLat, approxLon, about } = row;
			return {
				neighbourhoodId,
				streetId,
				houseNumber,
				placeSource,
				exactLat,
				exactLon,
				approxCell,
				approxLat,
				approxLon,
				about
			};
		};
		expect(place(asked.id)).toEqual({ ...place(profiled.id), about: 'Ik wandel graag.' });
		expect(place(asked.id)).toMatchObject({ neighbourhoodId: t.hood, streetId: t.mill });
	});

	it('refuses a street that is not in the list and changes nothing', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		expect(saveHomeStreet(t.db, user.id, 9999, '3')).toEqual({
			ok: false,
			field: 'streetId',
			error: 'profile_err_street_unknown'
		});
		expect(t.db.select().from(users).where(eq(users.id, user.id)).get()!.streetId).toBeNull();
	});
});

describe('getPublicProfile', () => {
	it('shows the first name, neighbourhood, about, languages, categories and sign-up date, and nothing private', () => {
		const t = setUp();
		const user = insertTestUser(t.db, {
			createdAt: 1_700_000_000_000,
			email: 'maria@test.example'
		});
		updateProfile(
			t.db,
			user.id,
			{
				displayName: 'Maria  Janssens',
				phone: '015 41 22 87',
				languages: ['nl', 'ar'],
				about: 'Ik hou van een babbel.',
				categories: [t.bins],
				availability: ['mon-morning'],
				streetId: t.market,
				houseNumber: '77',
				pinLat: 51.0333,
				pinLon: 4.4825
			},
			0
		);
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		const profile = getPublicProfile(t.db, user.id, 'en');
		expect(profile).toEqual({
			id: user.id,
			firstName: 'Maria',
			neighbourhood: 'Testwijk',
			about: 'Ik hou van een babbel.',
			// Her own language, for `lang` on what she wrote, whatever the reader's.
			lang: 'nl',
			languages: ['nl', 'ar'],
			categories: [{ id: t.bins, icon: '•', name: 'en-bins' }],
			memberSince: 1_700_000_000_000
		});
		const text = JSON.stringify(profile);
		for (const secret of [
			'Janssens',
			'015 41 22 87',
			'maria@test.example',
			'Marktstraat',
			'"77"',
			'51.0333',
			'4.4825',
			String(row.approxLat),
			String(row.approxLon),
			row.approxCell!
		]) {
			expect(text).not.toContain(secret);
		}
	});

	it('shows no one for an unknown or suspended person', () => {
		const t = setUp();
		const suspended = insertTestUser(t.db, { status: 'suspended' });
		expect(getPublicProfile(t.db, 'nobody', 'nl')).toBeNull();
		expect(getPublicProfile(t.db, suspended.id, 'nl')).toBeNull();
	});
});

describe('a proved phone number that changes', () => {
	it('is no longer proved, and its badge ends; writing the same number otherwise keeps both', () => {
		const t = setUp();
		const user = insertTestUser(t.db);
		t.db.transaction((tx) => requestPhoneCode(tx, user.id, '0470 11 22 33', 0));
		const sms = t.db.select().from(outbox).get()!;
		t.db.transaction((tx) => confirmPhoneCode(tx, user.id, /\d{6}/.exec(sms.shortText!)![0], 1));
		const verifiedAt = () =>
			t.db.select().from(users).where(eq(users.id, user.id)).get()!.phoneVerifiedAt;
		expect(verifiedAt()).toBe(1);

		updateProfile(t.db, user.id, { ...empty, phone: '+32 470 11 22 33' }, 2);
		expect(verifiedAt()).toBe(1);
		expect(activeBadges(t.db, user.id, 3).map((b) => b.kind)).toEqual(['phone_verified']);

		updateProfile(t.db, user.id, { ...empty, phone: '0470 99 88 77' }, 4);
		expect(verifiedAt()).toBeNull();
		expect(activeBadges(t.db, user.id, 5)).toEqual([]);
	});
});
