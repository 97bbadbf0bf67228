import { and, asc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, streets, users, type UserStatus } from '../db/schema';
import { writingLanguage } from '$lib/profile/languages';

/** Residents per page of the broker's search. */
export const RESIDENTS_PAGE_SIZE = 25;

export interface ResidentRow {
	id: string;
	displayName: string;
	email: string | null;
	phone: string | null;
	status: UserStatus;
	neighbourhood: string;
	/** Street and house number, so the broker can tell two people of the same name apart. */
	street: string | null;
	houseNumber: string | null;
}

/** "%…%" for LIKE, with the wildcards in what was typed taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A phone number as digits only, so "0470 11 22 33" finds "0470/112233". */
const digitsOf = (text: string) => text.replace(/\D/g, '');
const phoneDigits = sql`replace(replace(replace(replace(replace(replace(${users.phone}, ' ', ''), '/', ''), '.', ''), '-', ''), '(', ''), ')', '')`;

/**
 * Residents of the broker's neighbourhoods (all of them for an admin, `null`) whose name, e-mail,
 * phone or street (with or without the house number) contains what was typed; everyone when
 * nothing was typed. Deleted accounts are not
 * listed. Sorted by name, one page at a time.
 */
export function searchResidents(
	db: DbOrTx,
	neighbourhoodIds: number[] | null,
	query: string,
	page: number
): { items: ResidentRow[]; page: number; hasNext: boolean } {
	if (neighbourhoodIds !== null && neighbourhoodIds.length === 0)
		return { items: [], page, hasNext: false };
	const q = query.trim().slice(0, 100);
	const digits = digitsOf(q);
	const matchesQuery: SQL | undefined = q
		? or(
				sql`${users.displayName} like ${contains(q)} escape '\\'`,
				sql`${users.email} like ${contains(q.toLowerCase())} escape '\\'`,
				sql`(${streets.name} || ' ' || coalesce(${users.houseNumber}, '')) like ${contains(q)} escape '\\'`,
				// Only when something like a number was typed: "Jan" has no digits to look for.
				digits.length >= 3 ? sql`${phoneDigits} like ${contains(digits)} escape '\\'` : undefined
			)
		: undefined;
	const rows = db
		.select({
			id: users.id,
			displayName: users.displayName,
			email: users.email,
			phone: users.phone,
			status: users.status,
			neighbourhood: neighbourhoods.name,
			street: streets.name,
			houseNumber: users.houseNumber
		})
		.from(users)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.leftJoin(streets, eq(streets.id, users.streetId))
		.where(
			and(
				ne(users.status, 'deleted'),
				neighbourhoodIds === null ? undefined : inArray(users.neighbourhoodId, neighbourhoodIds),
				matchesQuery
			)
		)
		.orderBy(sql`${users.displayName} collate nocase`, asc(users.id))
		.limit(RESIDENTS_PAGE_SIZE + 1)
		.offset((page - 1) * RESIDENTS_PAGE_SIZE)
		.all();
	return {
		items: rows.slice(0, RESIDENTS_PAGE_SIZE),
		page,
		hasNext: rows.length > RESIDENTS_PAGE_SIZE
	};
}

/** One resident as the broker's person page shows them; null when deleted or unknown. */
export function getResident(db: DbOrTx, userId: string) {
	const row = db
		.select({
			id: users.id,
			displayName: users.displayName,
			email: users.email,
			phone: users.phone,
			status: users.status,
			statusReason: users.statusReason,
			role: users.role,
			neighbourhoodId: users.neighbourhoodId,
			neighbourhood: neighbourhoods.name,
			timeZone: neighbourhoods.timeZone,
			certificateValidityYears: neighbourhoods.certificateValidityYears
		})
		.from(users)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(and(eq(users.id, userId), ne(users.status, 'deleted')))
		.get();
	return row ?? null;
}

/** The language a person most likely writes in (for `lang=` on their words); null when unknown. */
export function writingLanguageOf(db: DbOrTx, userId: string | null): string | null {
	if (!userId) return null;
	const row = db
		.select({ languages: users.languages, locale: users.locale })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return row ? writingLanguage(row.languages, row.locale) : null;
}
