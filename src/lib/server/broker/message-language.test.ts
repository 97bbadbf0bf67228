import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messageLanguage } from '$lib/i18n';
import { intakeSchema } from '$lib/schemas/intake';
import { auditLog, users } from '../db/schema';
import { INTAKE_NOW as NOW, intakeWorld as world } from '../testing/broker';
import { messageLanguageOf, setMessageLanguage } from './message-language';

// The language of a person's mail, SMS and letters (issue 19): recorded at intake, or changed
// later by their broker with them on the phone (audited), or by the person at the top of the site.

describe('the language of messages, at intake', () => {
	it('is the one the broker chose with the person', () => {
		const { register } = world();
		const r = register({ languages: ['nl', 'tr'], locale: 'fr' });
		if (!r.ok) throw new Error(r.error);
		expect(r.user.locale).toBe('fr');
	});

	it('is otherwise the first language they speak that the site has, else Dutch', () => {
		const { register } = world();
		const turkish = register({ languages: ['ber', 'tr', 'nl'], locale: '' });
		if (!turkish.ok) throw new Error(turkish.error);
		expect(turkish.user.locale).toBe('tr');
		const none = register({ languages: ['ber', 'so'], displayName: 'Idris' });
		if (!none.ok) throw new Error(none.error);
		expect(none.user.locale).toBe('nl');
	});

	it('refuses a language the site does not have, beside the field', () => {
		const parsed = intakeSchema.safeParse({
			displayName: 'Rosa',
			phone: '1',
			streetId: 1,
			houseNumber: '1',
			languages: [],
			locale: 'de',
			consent: true
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['locale', 'intake_err_locale']
		]);
		expect(messageLanguage('xx', ['de', 'ar'])).toBe('ar');
	});
});

describe('setMessageLanguage', () => {
	it('changes the language and writes who did it to the audit log', () => {
		const { db, register, broker } = world();
		const r = register({ languages: ['nl'] });
		if (!r.ok) throw new Error(r.error);
		expect(messageLanguageOf(db, r.user.id)).toBe('nl');
		expect(setMessageLanguage(db, r.user.id, broker.id, 'ar', NOW + 1)).toEqual({
			ok: true,
			locale: 'ar'
		});
		expect(messageLanguageOf(db, r.user.id)).toBe('ar');
		const audit = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'resident.language_set'), eq(auditLog.subjectId, r.user.id)))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: broker.id, at: NOW + 1 });
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ from: 'nl', to: 'ar' });
	});

	it('refuses what is not one of the site languages, and changes nothing', () => {
		const { db, register, broker } = world();
		const r = register();
		if (!r.ok) throw new Error(r.error);
		expect(setMessageLanguage(db, r.user.id, broker.id, 'de', NOW)).toEqual({
			ok: false,
			reason: 'not_a_language'
		});
		expect(setMessageLanguage(db, 'nobody', broker.id, 'fr', NOW)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(db.select({ l: users.locale }).from(users).where(eq(users.id, r.user.id)).get()?.l).toBe(
			'nl'
		);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'resident.language_set')).all()
		).toEqual([]);
	});
});
