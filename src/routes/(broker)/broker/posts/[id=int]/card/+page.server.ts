import { eq } from 'drizzle-orm';
import { getLocale } from '$lib/paraglide/runtime.js';
import { db } from '$lib/server/db';
import { categories, neighbourhoods } from '$lib/server/db/schema';
import { categoryName } from '$lib/server/categories/pilot';
import { brokerPost } from '../guard.server';
import type { PageServerLoad } from './$types';

/** Public facts only: never the name, address or phone of the person who asked. */
export const load: PageServerLoad = (event) => {
	const { post } = brokerPost(event);
	const category = db.select().from(categories).where(eq(categories.id, post.categoryId)).get()!;
	const hood = db
		.select({ name: neighbourhoods.name, phone: neighbourhoods.phoneDutyNumber })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, post.neighbourhoodId))
		.get()!;
	return {
		card: {
			id: post.id,
			kind: post.kind,
			title: post.title,
			body: post.body,
			whenType: post.whenType,
			whenDate: post.whenDate,
			whenFrom: post.whenFrom,
			whenTo: post.whenTo,
			recurringDay: post.recurringDay,
			recurringPart: post.recurringPart,
			categoryIcon: category.icon,
			categoryName: categoryName(category.names, getLocale()),
			neighbourhood: hood.name,
			phone: hood.phone
		}
	};
};
