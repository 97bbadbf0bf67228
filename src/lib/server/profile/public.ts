import { and, asc, eq } from 'drizzle-orm';
import { isLanguageCode, writingLanguage, type LanguageCode } from '$lib/profile/languages';
import type { DbOrTx } from '../db/client';
import { categories, neighbourhoods, userCategories, users } from '../db/schema';
import { categoryName } from '../categories/pilot';
import type { CategoryChoice } from './categories';

/**
 * What any signed-in neighbour may see of a person. A whitelist: no street, house number,
 * coordinates (exact or approximate), phone or e-mail, ever.
 */
export interface PublicProfile {
	id: string;
	firstName: string;
	neighbourhood: string | null;
	about: string;
	/** The person's language, for `lang` on what they wrote. */
	lang: string;
	languages: LanguageCode[];
	categories: CategoryChoice[];
	/** UTC ms of sign-up; pages show only its month and year. */
	memberSince: number;
}

/** The first word of a display name: "Maria Janssens" → "Maria". */
export function firstName(displayName: string): string {
	return displayName.trim().split(/\s+/)[0] ?? '';
}

/** The public face of an active person, or null when there is none to show. */
export function getPublicProfile(db: DbOrTx, userId: string, locale: string): PublicProfile | null {
	const row = db
		.select({
			id: users.id,
			displayName: users.displayName,
			about: users.about,
			locale: users.locale,
			languages: users.languages,
			createdAt: users.createdAt,
			neighbourhood: neighbourhoods.name
		})
		.from(users)
		.leftJoin(neighbourhoods, eq(users.neighbourhoodId, neighbourhoods.id))
		.where(and(eq(users.id, userId), eq(users.status, 'active')))
		.get();
	if (!row) return null;
	const helps = db
		.select({ id: categories.id, icon: categories.icon, names: categories.names })
		.from(userCategories)
		.innerJoin(categories, eq(userCategories.categoryId, categories.id))
		.where(and(eq(userCategories.userId, userId), eq(categories.active, true)))
		.orderBy(asc(categories.sortOrder), asc(categories.id))
		.all();
	const languages: unknown = JSON.parse(row.languages);
	return {
		id: row.id,
		firstName: firstName(row.displayName),
		neighbourhood: row.neighbourhood ?? null,
		about: row.about,
		lang: writingLanguage(row.languages, row.locale),
		languages: Array.isArray(languages)
			? languages.filter((l): l is LanguageCode => typeof l === 'string' && isLanguageCode(l))
			: [],
		categories: helps.map((c) => ({ id: c.id, icon: c.icon, name: categoryName(c.names, locale) })),
		memberSince: row.createdAt
	};
}
