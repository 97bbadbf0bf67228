import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate, textDirection, toLocale } from '$lib/i18n';
import { locales, type Locale } from '$lib/paraglide/runtime.js';
import { kindText, whenText } from '$lib/posts/describe';
import { writingLanguage } from '$lib/profile/languages';
import type { DbOrTx } from '../db/client';
import { categories, neighbourhoods, users, type Post } from '../db/schema';
import { categoryName } from '../categories/pilot';

/**
 * The card a broker prints for a post placed for someone without internet, to hang up or hand
 * out: public facts only, never the name, address or phone of the person who asked. It is in the
 * language of the person it is for (their account's, which the broker records at intake) unless
 * the broker picks another one, so every word on it is rendered here in that language.
 */
export interface PrintCard {
	locale: Locale;
	dir: 'ltr' | 'rtl';
	/** The author's own language, offered first among the languages to print in. */
	ownLocale: Locale;
	id: number;
	kind: Post['kind'];
	kindWord: string;
	title: string;
	body: string;
	/** The language the title and text are most likely written in, as on the post's page. */
	textLang: string;
	categoryIcon: string;
	labels: { category: string; when: string; neighbourhood: string };
	category: string;
	when: string;
	neighbourhood: string;
	call: string | null;
	ref: string;
}

export function printCard(db: DbOrTx, post: Post, chosen: string | null): PrintCard {
	const author = db
		.select({ locale: users.locale, languages: users.languages })
		.from(users)
		.where(eq(users.id, post.authorId))
		.get();
	const ownLocale = toLocale(author?.locale);
	const locale =
		chosen && (locales as readonly string[]).includes(chosen) ? toLocale(chosen) : ownLocale;
	const o = { locale };
	const category = db.select().from(categories).where(eq(categories.id, post.categoryId)).get()!;
	const hood = db
		.select({ name: neighbourhoods.name, phone: neighbourhoods.phoneDutyNumber })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, post.neighbourhoodId))
		.get()!;
	return {
		locale,
		dir: textDirection(locale),
		ownLocale,
		id: post.id,
		kind: post.kind,
		kindWord: kindText(post.kind, locale),
		title: post.title,
		body: post.body,
		textLang: writingLanguage(author?.languages ?? '[]', ownLocale),
		categoryIcon: category.icon,
		labels: {
			category: m.post_label_category({}, o),
			when: m.post_label_when({}, o),
			neighbourhood: m.post_label_neighbourhood({}, o)
		},
		category: categoryName(category.names, locale),
		when: whenText(post, locale),
		neighbourhood: hood.name,
		call: hood.phone ? m.intake_card_call({ phone: isolate(hood.phone, locale) }, o) : null,
		ref: m.intake_card_ref({ id: post.id }, o)
	};
}
