import { count } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { toolCategories } from '../db/schema';

/** The kinds of tools a neighbourhood lends, to start the list with. */
export const TOOL_CATEGORIES = [
	{ slug: 'diy', nl: 'Klussen', en: 'DIY' },
	{ slug: 'garden', nl: 'Tuin', en: 'Garden' },
	{ slug: 'cleaning', nl: 'Schoonmaken', en: 'Cleaning' },
	{ slug: 'moving', nl: 'Verhuizen en dragen', en: 'Moving and carrying' },
	{ slug: 'kitchen', nl: 'Keuken en feest', en: 'Kitchen and parties' }
] as const;

/** Puts the starting tool categories in an empty list. */
export function ensureToolCategories(db: DbOrTx): void {
	if ((db.select({ n: count() }).from(toolCategories).get()?.n ?? 0) > 0) return;
	db.insert(toolCategories)
		.values(
			TOOL_CATEGORIES.map((c, i) => ({
				slug: c.slug,
				names: JSON.stringify({ nl: c.nl, en: c.en }),
				sortOrder: i
			}))
		)
		.run();
}
