import { eq } from 'drizzle-orm';
import { toLocale } from '$lib/i18n';
import { isLocale, type Locale } from '$lib/paraglide/runtime.js';
import { recordAudit } from '../audit/audit';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';

/**
 * The language a person's mail, SMS, push messages and letters go in is their account's
 * `locale`: the one they pick at the top of the site, or the one a broker records with them on
 * the phone (at intake, or later here). A broker's change is audited.
 */
export function setMessageLanguage(
	db: DbOrTx,
	personId: string,
	brokerId: string,
	locale: string,
	now: number
): { ok: true; locale: Locale } | { ok: false; reason: 'not_found' | 'not_a_language' } {
	if (!isLocale(locale)) return { ok: false, reason: 'not_a_language' };
	return db.transaction((tx) => {
		const person = tx
			.select({ locale: users.locale, neighbourhoodId: users.neighbourhoodId })
			.from(users)
			.where(eq(users.id, personId))
			.get();
		if (!person) return { ok: false, reason: 'not_found' } as const;
		if (person.locale === locale) return { ok: true, locale } as const;
		tx.update(users).set({ locale }).where(eq(users.id, personId)).run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'resident.language_set',
				subjectType: 'user',
				subjectId: personId,
				neighbourhoodId: person.neighbourhoodId,
				detail: { from: person.locale, to: locale }
			},
			now
		);
		return { ok: true, locale } as const;
	});
}

/** The language of a person's messages (their account's), Dutch when there is no such person. */
export function messageLanguageOf(db: DbOrTx, personId: string): Locale {
	const row = db.select({ locale: users.locale }).from(users).where(eq(users.id, personId)).get();
	return toLocale(row?.locale);
}
