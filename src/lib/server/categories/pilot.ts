import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { CategoryIconName } from '$lib/components/posts/category-icons';
import { categories } from '../db/schema';
import { locales, type Locale } from '$lib/paraglide/runtime.js';

/** A starting category's name in every site language. */
export type CategoryNames = Record<Locale, string>;

/** The stored JSON of a starting category's names, every site language. */
export function namesJson(c: CategoryNames): string {
	return JSON.stringify(Object.fromEntries(locales.map((l) => [l, c[l]])));
}

/**
 * Adds the languages a stored name list lacks, from the starting list, and keeps every name that
 * is there (a broker may have renamed it). Gives undefined when nothing is missing.
 */
export function withMissingNames(stored: string, start: CategoryNames): string | undefined {
	const names = JSON.parse(stored) as Record<string, string>;
	const missing = locales.filter((l) => !names[l]);
	if (missing.length === 0) return undefined;
	for (const l of missing) names[l] = start[l];
	return JSON.stringify(names);
}

/**
 * A database made before a language was added has the starting categories in fewer languages;
 * this gives them the new languages' names (run at every start; a second run changes nothing).
 */
export function completeCategoryNames(db: DbOrTx): void {
	const bySlug = new Map<string, CategoryNames>(PILOT_CATEGORIES.map((c) => [c.slug, c]));
	for (const row of db.select().from(categories).all()) {
		const start = bySlug.get(row.slug);
		const names = start && withMissingNames(row.names, start);
		if (names) db.update(categories).set({ names }).where(eq(categories.id, row.id)).run();
	}
}

/**
 * The pilot's categories, from the questions the service centre already receives (seed 001).
 * `icon` names a drawing in CATEGORY_ICONS (never an emoji, which shows as a box without a font).
 */
export const PILOT_CATEGORIES = [
	{
		slug: 'small-jobs',
		icon: 'hammer',
		nl: 'Kleine klusjes in huis',
		en: 'Small jobs in the house',
		fr: 'Petits travaux à la maison',
		tr: 'Evde küçük işler',
		ar: 'أعمال صغيرة في البيت'
	},
	{
		slug: 'bins',
		icon: 'bin',
		nl: 'Vuilnis buiten zetten',
		en: 'Putting the bins out',
		fr: 'Sortir les poubelles',
		tr: 'Çöpü dışarı çıkarmak',
		ar: 'إخراج القمامة'
	},
	{
		slug: 'garden',
		icon: 'sprout',
		nl: 'Tuinwerk',
		en: 'Garden work',
		fr: 'Jardinage',
		tr: 'Bahçe işleri',
		ar: 'أعمال الحديقة'
	},
	{
		slug: 'transport',
		icon: 'car',
		nl: 'Vervoer',
		en: 'Transport',
		fr: 'Transport',
		tr: 'Ulaşım',
		ar: 'المواصلات'
	},
	{
		slug: 'social-contact',
		icon: 'cup',
		nl: 'Sociaal contact',
		en: 'Social contact',
		fr: 'Compagnie et visites',
		tr: 'Sohbet ve arkadaşlık',
		ar: 'الرفقة والزيارات'
	},
	{
		slug: 'dog-walking',
		icon: 'paw',
		nl: 'Hond uitlaten',
		en: 'Dog walking',
		fr: 'Promener le chien',
		tr: 'Köpek gezdirme',
		ar: 'تمشية الكلب'
	},
	{
		slug: 'paperwork',
		icon: 'document',
		nl: 'Papieren en formulieren',
		en: 'Paperwork and forms',
		fr: 'Papiers et formulaires',
		tr: 'Evrak ve formlar',
		ar: 'الأوراق والاستمارات'
	},
	{
		slug: 'shopping',
		icon: 'bag',
		nl: 'Boodschappen',
		en: 'Shopping',
		fr: 'Courses',
		tr: 'Alışveriş',
		ar: 'التسوق'
	},
	{
		slug: 'computer-phone',
		icon: 'phone',
		nl: 'Computer en telefoon',
		en: 'Computer and phone help',
		fr: 'Ordinateur et téléphone',
		tr: 'Bilgisayar ve telefon',
		ar: 'الكمبيوتر والهاتف'
	},
	{
		slug: 'homework',
		icon: 'book',
		nl: 'Huiswerkhulp',
		en: 'Homework help',
		fr: 'Aide aux devoirs',
		tr: 'Ödev yardımı',
		ar: 'المساعدة في الواجبات المدرسية'
	},
	{
		slug: 'language',
		icon: 'speech',
		nl: 'Taal oefenen',
		en: 'Language practice',
		fr: 'Pratiquer la langue',
		tr: 'Dil pratiği',
		ar: 'ممارسة اللغة'
	}
] as const satisfies readonly ({ slug: string; icon: CategoryIconName } & CategoryNames)[];

/** Puts the pilot's categories in an empty category list; brokers manage it from then on. */
export function ensureCategories(db: DbOrTx): void {
	const existing = db.select({ n: count() }).from(categories).get();
	if ((existing?.n ?? 0) > 0) {
		completeCategoryNames(db);
		return;
	}
	db.insert(categories)
		.values(
			PILOT_CATEGORIES.map((c, i) => ({
				slug: c.slug,
				icon: c.icon,
				names: namesJson(c),
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
