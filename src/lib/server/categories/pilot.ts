import { count } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { CategoryIconName } from '$lib/components/posts/category-icons';
import { categories } from '../db/schema';

/**
 * The pilot's categories, from the questions the service centre already receives (seed 001).
 * `icon` names a drawing in CATEGORY_ICONS (never an emoji, which shows as a box without a font).
 */
export const PILOT_CATEGORIES = [
	{
		slug: 'small-jobs',
		icon: 'hammer',
		nl: 'Kleine klusjes in huis',
		en: 'Small jobs in the house'
	},
	{ slug: 'bins', icon: 'bin', nl: 'Vuilnis buiten zetten', en: 'Putting the bins out' },
	{ slug: 'garden', icon: 'sprout', nl: 'Tuinwerk', en: 'Garden work' },
	{ slug: 'transport', icon: 'car', nl: 'Vervoer', en: 'Transport' },
	{ slug: 'social-contact', icon: 'cup', nl: 'Sociaal contact', en: 'Social contact' },
	{ slug: 'dog-walking', icon: 'paw', nl: 'Hond uitlaten', en: 'Dog walking' },
	{ slug: 'paperwork', icon: 'document', nl: 'Papieren en formulieren', en: 'Paperwork and forms' },
	{ slug: 'shopping', icon: 'bag', nl: 'Boodschappen', en: 'Shopping' },
	{
		slug: 'computer-phone',
		icon: 'phone',
		nl: 'Computer en telefoon',
		en: 'Computer and phone help'
	},
	{ slug: 'homework', icon: 'book', nl: 'Huiswerkhulp', en: 'Homework help' },
	{ slug: 'language', icon: 'speech', nl: 'Taal oefenen', en: 'Language practice' }
] as const satisfies readonly { slug: string; icon: CategoryIconName; nl: string; en: string }[];

/** Puts the pilot's categories in an empty category list; brokers manage it from then on. */
export function ensureCategories(db: DbOrTx): void {
	const existing = db.select({ n: count() }).from(categories).get();
	if ((existing?.n ?? 0) > 0) return;
	db.insert(categories)
		.values(
			PILOT_CATEGORIES.map((c, i) => ({
				slug: c.slug,
				icon: c.icon,
				names: JSON.stringify({ nl: c.nl, en: c.en }),
				sortOrder: i
			}))
		)
		.run();
}

/** A category's name in a language, falling back to Dutch. */
export function categoryName(names: string, locale: string): string {
	const parsed = JSON.parse(names) as Record<string, string>;
	return parsed[locale] ?? parsed.nl ?? Object.values(parsed)[0] ?? '';
}
