import { and, eq, inArray } from 'drizzle-orm';
import type { ProfileForm } from '$lib/schemas/profile';
import { isSlot } from '$lib/profile/availability';
import { isLanguageCode } from '$lib/profile/languages';
import type { DB, DbOrTx } from '../db/client';
import { categories, neighbourhoods, streets, userCategories, users } from '../db/schema';
import { approximate } from '../geo/approx';
import { log } from '../log';
import { neighbourhoodAt } from './places';
import { withdrawPhoneVerification } from '../sms/verify';
import { personNumber } from '../sms/stop';

/** What a person sees of their own profile: the form's values and what others will see. */
export interface OwnProfile {
	values: ProfileForm;
	/** The neighbourhood others see, or null when no place was chosen. */
	neighbourhoodName: string | null;
}

/** Reads a person's own profile, to fill the profile form. Null when there is no such person. */
export function getProfile(db: DB, userId: string): OwnProfile | null {
	const row = db
		.select({ user: users, street: streets, neighbourhoodName: neighbourhoods.name })
		.from(users)
		.leftJoin(streets, eq(users.streetId, streets.id))
		.leftJoin(neighbourhoods, eq(users.neighbourhoodId, neighbourhoods.id))
		.where(eq(users.id, userId))
		.get();
	if (!row) return null;
	const u = row.user;
	const categoryIds = db
		.select({ id: userCategories.categoryId })
		.from(userCategories)
		.where(eq(userCategories.userId, userId))
		.all()
		.map((c) => c.id);
	const hasPin = u.placeSource === 'pin' && u.exactLat !== null && u.exactLon !== null;
	return {
		values: {
			displayName: u.displayName,
			phone: u.phone ?? '',
			languages: parseList(u.languages),
			about: u.about,
			categories: categoryIds,
			availability: parseList(u.availability),
			streetId: row.street?.id ?? null,
			houseNumber: u.houseNumber ?? '',
			pinLat: hasPin ? u.exactLat : null,
			pinLon: hasPin ? u.exactLon : null
		},
		neighbourhoodName: row.neighbourhoodName ?? null
	};
}

export type ProfileField = 'categories' | 'languages' | 'availability' | 'streetId' | 'pinLat';
export type UpdateResult = { ok: true } | { ok: false; field: ProfileField; error: string };

const refuse = (field: ProfileField, error: string): UpdateResult => ({ ok: false, field, error });

/**
 * Saves a person's profile: all of it or, when something is not right, nothing. The place is
 * a street from the list, a pin inside a neighbourhood, or both; the pin wins for the exact
 * point. The public point is always the centre of the H3 cell around the exact one.
 */
export function updateProfile(
	db: DB,
	userId: string,
	input: ProfileForm,
	now: number
): UpdateResult {
	const languages = unique(input.languages);
	if (!languages.every(isLanguageCode)) return refuse('languages', 'profile_err_language_unknown');
	const availability = unique(input.availability);
	if (!availability.every(isSlot))
		return refuse('availability', 'profile_err_availability_unknown');

	const categoryIds = unique(input.categories);
	const known = categoryIds.length
		? db
				.select({ id: categories.id })
				.from(categories)
				.where(and(inArray(categories.id, categoryIds), eq(categories.active, true)))
				.all()
		: [];
	if (known.length !== categoryIds.length)
		return refuse('categories', 'profile_err_category_unknown');

	const street =
		input.streetId === null
			? null
			: (db.select().from(streets).where(eq(streets.id, input.streetId)).get() ?? null);
	if (input.streetId !== null && !street) return refuse('streetId', 'profile_err_street_unknown');
	if (input.houseNumber && !street) return refuse('streetId', 'profile_err_street_needed');

	let exact: { lat: number; lon: number } | null = street
		? { lat: street.lat, lon: street.lon }
		: null;
	let neighbourhoodId = street?.neighbourhoodId ?? null;
	if (input.pinLat !== null && input.pinLon !== null) {
		const hood = neighbourhoodAt(db, input.pinLat, input.pinLon);
		if (!hood) return refuse('pinLat', 'profile_err_pin_outside');
		if (street && street.neighbourhoodId !== hood.id)
			return refuse('streetId', 'profile_err_street_other_neighbourhood');
		exact = { lat: input.pinLat, lon: input.pinLon };
		neighbourhoodId = hood.id;
	}
	const approx = exact ? approximate(exact.lat, exact.lon) : null;

	db.transaction((tx) => {
		const numberBefore = personNumber(tx, userId);
		tx.update(users)
			.set({
				displayName: input.displayName,
				phone: input.phone || null,
				languages: JSON.stringify(languages),
				about: input.about,
				availability: JSON.stringify(availability),
				neighbourhoodId,
				streetId: street?.id ?? null,
				houseNumber: input.houseNumber || null,
				placeSource: exact === null ? null : input.pinLat !== null ? 'pin' : 'street',
				exactLat: exact?.lat ?? null,
				exactLon: exact?.lon ?? null,
				approxCell: approx?.cell ?? null,
				approxLat: approx?.lat ?? null,
				approxLon: approx?.lon ?? null
			})
			.where(eq(users.id, userId))
			.run();
		// A proved number stays proved when only its writing changes ("+32470…" as "0470 …").
		if (personNumber(tx, userId) !== numberBefore)
			withdrawPhoneVerification(tx, userId, userId, now);
		tx.delete(userCategories).where(eq(userCategories.userId, userId)).run();
		if (categoryIds.length)
			tx.insert(userCategories)
				.values(categoryIds.map((categoryId) => ({ userId, categoryId })))
				.run();
	});
	log.info('profile.updated', { user: userId, neighbourhood: neighbourhoodId });
	return { ok: true };
}

/**
 * Saves only where a person lives, a street from the list and a house number, as the profile
 * would save a street without a pin (the post form asks this of someone who has not said it).
 */
export function saveHomeStreet(
	db: DbOrTx,
	userId: string,
	streetId: number,
	houseNumber: string
): UpdateResult {
	const street = db.select().from(streets).where(eq(streets.id, streetId)).get();
	if (!street) return refuse('streetId', 'profile_err_street_unknown');
	const approx = approximate(street.lat, street.lon);
	db.update(users)
		.set({
			neighbourhoodId: street.neighbourhoodId,
			streetId: street.id,
			houseNumber: houseNumber || null,
			placeSource: 'street',
			exactLat: street.lat,
			exactLon: street.lon,
			approxCell: approx.cell,
			approxLat: approx.lat,
			approxLon: approx.lon
		})
		.where(eq(users.id, userId))
		.run();
	log.info('profile.home_street_set', { user: userId, neighbourhood: street.neighbourhoodId });
	return { ok: true };
}

function parseList(json: string): string[] {
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
