import { asc, eq } from 'drizzle-orm';
import { preparedOnce, type DbOrTx } from '../db/client';
import { categories } from '../db/schema';
import { categoryName } from '../categories/pilot';

export interface CategoryChoice {
	id: number;
	icon: string;
	name: string;
}

const activeCategories = preparedOnce((db) =>
	db
		.select()
		.from(categories)
		.where(eq(categories.active, true))
		.orderBy(asc(categories.sortOrder), asc(categories.id))
		.prepare()
);

/** The active categories in the brokers' order, named in the given language. */
export function listCategoryChoices(db: DbOrTx, locale: string): CategoryChoice[] {
	return activeCategories(db)
		.all()
		.map((c) => ({ id: c.id, icon: c.icon, name: categoryName(c.names, locale) }));
}
