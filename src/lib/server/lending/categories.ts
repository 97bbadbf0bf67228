import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { toolCategories } from '../db/schema';
import { namesJson, withMissingNames, type CategoryNames } from '../categories/pilot';

/** The kinds of tools a neighbourhood lends, to start the list with. */
export const TOOL_CATEGORIES = [
	{
		slug: 'diy',
		nl: 'Klussen',
		en: 'DIY',
		fr: 'Bricolage',
		tr: 'Tamir işleri',
		ar: 'أعمال الإصلاح'
	},
	{ slug: 'garden', nl: 'Tuin', en: 'Garden', fr: 'Jardin', tr: 'Bahçe', ar: 'الحديقة' },
	{
		slug: 'cleaning',
		nl: 'Schoonmaken',
		en: 'Cleaning',
		fr: 'Nettoyage',
		tr: 'Temizlik',
		ar: 'التنظيف'
	},
	{
		slug: 'moving',
		nl: 'Verhuizen en dragen',
		en: 'Moving and carrying',
		fr: 'Déménager et porter',
		tr: 'Taşınma ve taşıma',
		ar: 'النقل والحمل'
	},
	{
		slug: 'kitchen',
		nl: 'Keuken en feest',
		en: 'Kitchen and parties',
		fr: 'Cuisine et fêtes',
		tr: 'Mutfak ve davet',
		ar: 'المطبخ والحفلات'
	}
] as const satisfies readonly ({ slug: string } & CategoryNames)[];

/** Puts the starting tool categories in an empty list, or completes their names (see below). */
export function ensureToolCategories(db: DbOrTx): void {
	if ((db.select({ n: count() }).from(toolCategories).get()?.n ?? 0) > 0) {
		completeToolCategoryNames(db);
		return;
	}
	db.insert(toolCategories)
		.values(
			TOOL_CATEGORIES.map((c, i) => ({
				slug: c.slug,
				names: namesJson(c),
				sortOrder: i
			}))
		)
		.run();
}

/** Gives the starting tool categories of an older database the languages added since. */
export function completeToolCategoryNames(db: DbOrTx): void {
	const bySlug = new Map<string, CategoryNames>(TOOL_CATEGORIES.map((c) => [c.slug, c]));
	for (const row of db.select().from(toolCategories).all()) {
		const start = bySlug.get(row.slug);
		const names = start && withMissingNames(row.names, start);
		if (names) db.update(toolCategories).set({ names }).where(eq(toolCategories.id, row.id)).run();
	}
}
