import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import {
	baseLocale,
	getLocale,
	locales,
	overwriteGetLocale,
	type Locale
} from '$lib/paraglide/runtime.js';
import { isolate } from '$lib/i18n';
import type { DB } from '../db/client';
import { createTestDb } from '../db/test-db';
import { outbox, posts, pushSubscriptions, tasks, type OutboxRow, type User } from '../db/schema';
import { createPost } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { makeLendingNeighbourhood, NOW as LENDING_NOW } from '../testing/lending';
import { reserveTool } from '../lending/reservations';
import { brussels } from '../testing/dates';
import { days } from '../calendar';
import { firstName } from '../profile/public';
import { resetPasswordMail } from '../auth/account-mails';
import { enqueueMail } from '../mail/outbox';
import { tellPoster } from '../broker/poster-mail';
import { referPost } from '../broker/referrals';
import { addService } from '../broker/social-map';
import { sendMessage } from '../talk/conversations';
import { answerProposal, proposeMatch } from '../matching/proposals';
import { EXPIRY_WARNING_DAYS, warnExpiringRequests } from '../posts/expiry';
import { REMINDER_AFTER_DAYS, remindUnanswered, sendDueFollowUps } from '../followup/worker';
import { mailWaitlistFree } from '../lending/loan-mails';
import { sendAlert } from '../alerts/message';
import { BADGE_NAMES, badgeHolder, queueBadgeEndedMail } from '../trust/mails';
import { notifyPerson } from './notify';
import { renderTaskText, type CallText } from '../tasks/texts';
import { readLetter } from '../letters/letters';
import { suspendPerson } from '../broker/suspension';

/**
 * Every message is written in the RECIPIENT's language (users.locale), never in the page
 * language of whoever caused it: here every actor's page is Dutch (getLocale() answers nl), and
 * each recipient reads another language. The loop covers every language the site has, so the
 * French, Turkish and Arabic texts are checked too once their message files are filled.
 */
const OTHERS = locales.filter((l) => l !== baseLocale);
const ORIGIN = 'https://buurt.example';
const NOW = Date.UTC(2026, 10, 24, 10);

let restore: () => Locale;
beforeAll(() => {
	restore = getLocale;
	overwriteGetLocale(() => 'nl');
});
afterAll(() => overwriteGetLocale(restore));

const rowsFor = (db: DB, userId: string): OutboxRow[] =>
	db.select().from(outbox).where(eq(outbox.userId, userId)).all();

/** The one row to this person is in their language: its subject is `expected(locale)`. */
function expectInLanguage(
	db: DB,
	person: User,
	locale: Locale,
	expected: (l: Locale) => string,
	kind?: string
): OutboxRow {
	const rows = rowsFor(db, person.id).filter((r) => !kind || r.kind === kind);
	expect(rows).toHaveLength(1);
	const row = rows[0]!;
	expect(row.locale).toBe(locale);
	expect(row.subject).toBe(expected(locale));
	// English is complete: there the test can tell a Dutch text from the right one.
	if (locale === 'en') expect(row.subject).not.toBe(expected('nl'));
	if (row.channel === 'email') expect(row.htmlBody).toContain(`lang="${locale}"`);
	return row;
}

describe.each(OTHERS)('a recipient who reads %s, an actor on a Dutch page', (locale) => {
	it('account mail (reset password)', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const ana = ctx.resident('Ana', { email: 'ana@test.example', locale });
		db.transaction((tx) =>
			enqueueMail(tx, resetPasswordMail(ana, ana.email!, `${ORIGIN}/reset-password/x`), NOW)
		);
		expectInLanguage(db, ana, locale, (l) => m.account_mail_reset_subject({}, { locale: l }));
	});

	it('moderation (a request turned down)', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const ana = ctx.resident('Ana', { email: 'ana@test.example', locale, role: 'broker' });
		const made = createPost(db, ana.id, makePostInput(ctx.category.id), true, NOW);
		if (!made.ok) throw new Error('post');
		const title = made.post.title;
		db.transaction((tx) => tellPoster(tx, made.post, 'post_rejected', 'te vaag', ORIGIN, NOW));
		expectInLanguage(db, ana, locale, (l) =>
			m.broker_rejected_subject({ title: isolate(title, l) }, { locale: l })
		);
	});

	it('referral to a service', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const broker = ctx.resident('Bea', { role: 'broker' });
		const ana = ctx.resident('Ana', { email: 'ana@test.example', locale });
		const service = addService(
			db,
			broker.id,
			ctx.hood.id,
			{
				name: 'OCMW Sociale dienst',
				description: '',
				kind: 'social',
				categoryIds: [],
				phone: '',
				address: '',
				website: '',
				openingHours: [{ day: 1, from: '09:00', to: '12:00' }]
			},
			NOW
		);
		const made = createPost(db, ana.id, makePostInput(ctx.category.id), true, NOW);
		if (!made.ok) throw new Error('post');
		expect(referPost(db, broker.id, made.post.id, service.id, '', NOW)).toEqual({ ok: true });
		const row = expectInLanguage(db, ana, locale, (l) =>
			m.intake_mail_referral_subject({}, { locale: l })
		);
		// The opening hours too: the weekday in the recipient's language, not a Dutch "ma".
		expect(row.textBody).toContain(m.weekday_1({}, { locale }));
	});

	it('new conversation message, follow-up and its reminder', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		// The requester is a broker, so the request is open without moderation; her page is Dutch.
		const rosa = ctx.resident('Rosa Peeters', { role: 'broker', email: 'rosa@test.example' });
		const ana = ctx.resident('Ana Yilmaz', { email: 'ana@test.example', locale });
		const made = createPost(db, rosa.id, makePostInput(ctx.category.id), true, agreedAt - 1000);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, ana.id, 'Ik kan dinsdag', agreedAt - 500);
		if (!r.ok) throw new Error('respond');
		if (!acceptResponse(db, r.response.id, rosa.id, agreedAt).ok) throw new Error('accept');
		db.delete(outbox).run();

		expect(sendMessage(db, r.response.id, rosa.id, 'Tot dinsdag!', ORIGIN, agreedAt).ok).toBe(true);
		expectInLanguage(
			db,
			ana,
			locale,
			(l) => m.talk_notice_subject({ name: isolate('Rosa', l) }, { locale: l }),
			'message_notice'
		);

		const dueAt = agreedAt + days(14);
		expect(sendDueFollowUps(db, dueAt, ORIGIN)).toBe(2);
		expectInLanguage(
			db,
			ana,
			locale,
			(l) => m.followup_mail_subject({ name: isolate('Rosa', l) }, { locale: l }),
			'follow_up'
		);
		expect(remindUnanswered(db, dueAt + days(REMINDER_AFTER_DAYS), ORIGIN)).toBe(2);
		expectInLanguage(
			db,
			ana,
			locale,
			(l) => m.followup_reminder_subject({ name: isolate('Rosa', l) }, { locale: l }),
			'follow_up_reminder'
		);
	});

	it('follow-up by letter: rendered and stored in the recipient language for the print page', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const rosa = ctx.resident('Rosa Peeters', { role: 'broker', email: 'rosa@test.example' });
		const ana = ctx.resident('Ana Yilmaz', { email: null, contactBy: 'letter', locale });
		const made = createPost(db, rosa.id, makePostInput(ctx.category.id), true, agreedAt - 1000);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, ana.id, 'Ik kan dinsdag', agreedAt - 500);
		if (!r.ok) throw new Error('respond');
		if (!acceptResponse(db, r.response.id, rosa.id, agreedAt).ok) throw new Error('accept');
		db.delete(outbox).run();
		sendDueFollowUps(db, agreedAt + days(14), ORIGIN);
		const row = expectInLanguage(db, ana, locale, (l) =>
			m.followup_mail_subject({ name: isolate('Rosa', l) }, { locale: l })
		);
		expect(row.channel).toBe('letter');
		expect(readLetter(db, row.id)!.locale).toBe(locale);
	});

	it('suspension by a broker', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const broker = ctx.resident('Bea', { role: 'broker' });
		const ana = ctx.resident('Ana', { email: 'ana@test.example', locale });
		expect(suspendPerson(db, ana.id, broker.id, 'Herhaalde klachten', NOW)).not.toBeNull();
		expectInLanguage(db, ana, locale, (l) => m.broker_suspended_subject({}, { locale: l }));
	});

	it('proposal to a helper and the match made to the requester', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const broker = ctx.resident('Bea', { role: 'broker' });
		const requester = ctx.resident('Rosa', { email: 'rosa@test.example', locale });
		const helper = ctx.resident('Hasan', { email: 'hasan@test.example', locale });
		const made = createPost(db, broker.id, makePostInput(ctx.category.id), true, NOW);
		if (!made.ok) throw new Error('post');
		// The broker placed the request for Rosa, as at intake.
		db.update(posts).set({ authorId: requester.id }).where(eq(posts.id, made.post.id)).run();
		const proposed = proposeMatch(
			db,
			{
				postId: made.post.id,
				helperId: helper.id,
				brokerId: broker.id,
				note: '',
				badgeWaived: true
			},
			ORIGIN,
			NOW
		);
		if (!proposed.ok) throw new Error(proposed.error);
		const title = made.post.title;
		expectInLanguage(db, helper, locale, (l) =>
			m.matching_proposal_mail_subject({ title: isolate(title, l) }, { locale: l })
		);
		answerProposal(db, proposed.proposal.id, helper.id, true, ORIGIN, NOW + 1000);
		expectInLanguage(
			db,
			requester,
			locale,
			(l) =>
				m.matching_made_mail_subject(
					{ name: isolate('Hasan', l), title: isolate(title, l) },
					{ locale: l }
				),
			'match_made'
		);
	});

	it('expiry warning with its still-needed link', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const ana = ctx.resident('Ana', { role: 'broker', email: 'ana@test.example', locale });
		const made = createPost(db, ana.id, makePostInput(ctx.category.id), true, 0);
		if (!made.ok) throw new Error('post');
		const warnAt = made.post.expiresAt! - days(EXPIRY_WARNING_DAYS);
		expect(warnExpiringRequests(db, warnAt, ORIGIN)).toBe(1);
		const title = made.post.title;
		expectInLanguage(db, ana, locale, (l) =>
			m.posts_expiring_subject({ title: isolate(title, l) }, { locale: l })
		);
	});

	it('loan mail (a tool free again for someone on the waiting list)', () => {
		const db = createTestDb();
		const lending = makeLendingNeighbourhood(db);
		const ana = lending.borrower({ email: 'ana@test.example', locale, displayName: 'Ana' });
		db.transaction((tx) => mailWaitlistFree(tx, lending.drill, ana.id, '2026-03-20', NOW, ORIGIN));
		expectInLanguage(db, ana, locale, (l) =>
			m.loans_mail_waitlist_subject({ tool: isolate('Boormachine', l) }, { locale: l })
		);
	});

	it('loan confirmation, with the pick-up place and its opening hours', () => {
		const db = createTestDb();
		const lending = makeLendingNeighbourhood(db);
		const ana = lending.borrower({ email: 'ana@test.example', locale, displayName: 'Ana' });
		reserveTool(
			db,
			{ toolId: lending.drill, borrowerId: ana.id, startDate: '2026-03-11', endDate: '2026-03-13' },
			LENDING_NOW,
			ORIGIN
		);
		const row = expectInLanguage(db, ana, locale, (l) =>
			m.loans_mail_confirm_subject({ tool: isolate('Boormachine', l) }, { locale: l })
		);
		expect(row.textBody).toContain(m.weekday_1({}, { locale }));
	});

	it('new-request alert by e-mail, and its short text by SMS', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const ana = ctx.resident('Ana', { email: 'ana@test.example', locale });
		const requests = [
			{ id: 1, title: 'Hulp bij boodschappen', categoryNames: '{"nl":"Boodschappen"}', metres: 300 }
		];
		db.transaction((tx) => sendAlert(tx, ana, requests as never, NOW, ORIGIN));
		expectInLanguage(db, ana, locale, (l) => m.alerts_mail_subject({ count: 1 }, { locale: l }));
		// By SMS (a verified number, no e-mail): the short text, in the recipient's language.
		const sms = ctx.resident('Sami', {
			email: null,
			phone: '+32470000000',
			phoneVerifiedAt: 1,
			locale
		});
		db.transaction((tx) => sendAlert(tx, sms, requests as never, NOW, ORIGIN));
		const short = m.alerts_short(
			{ count: 1, title: isolate('Hulp bij boodschappen', locale) },
			{ locale }
		);
		const sent = rowsFor(db, sms.id)[0]!;
		expect(sent).toMatchObject({ channel: 'sms', locale });
		expect(sent.shortText).toContain(short);
		if (locale === 'en')
			expect(short).not.toBe(
				m.alerts_short({ count: 1, title: 'Hulp bij boodschappen' }, { locale: 'nl' })
			);
		// By push (a device, no e-mail): the same short text is the push message.
		const pushed = ctx.resident('Pia', { email: null, locale });
		db.insert(pushSubscriptions)
			.values({
				userId: pushed.id,
				endpoint: 'https://push.example/1',
				p256dh: 'k',
				auth: 'a',
				createdAt: 0
			})
			.run();
		db.transaction((tx) => sendAlert(tx, pushed, requests as never, NOW, ORIGIN));
		expect(rowsFor(db, pushed.id)[0]).toMatchObject({ channel: 'push', locale, shortText: short });
	});

	it('badge expired', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const ana = ctx.resident('Ana', { email: 'ana@test.example', locale });
		db.transaction((tx) =>
			queueBadgeEndedMail(
				tx,
				badgeHolder(tx, ana.id)!,
				{ kind: 'met_in_person', expiresAt: NOW },
				'expired',
				ORIGIN,
				NOW
			)
		);
		expectInLanguage(db, ana, locale, (l) =>
			m.trust_mail_expired_subject(
				{ badge: BADGE_NAMES.met_in_person({}, { locale: l }) },
				{ locale: l }
			)
		);
	});
});

describe('a mail to someone who reads Arabic', () => {
	it('reads right to left, and a Dutch title inside the Arabic sentence is isolated', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const amal = ctx.resident('Amal', { email: 'amal@test.example', locale: 'ar' });
		db.transaction((tx) =>
			notifyPerson(
				tx,
				amal.id,
				{
					kind: 'test',
					topic: 'other',
					write: (locale) => ({
						subject: m.broker_approved_subject(
							{ title: isolate('Hulp bij boodschappen', locale) },
							{ locale }
						),
						paragraphs: [],
						list: [{ text: 'x', url: `${ORIGIN}/posts/1` }]
					})
				},
				NOW
			)
		);
		const row = rowsFor(db, amal.id)[0]!;
		expect(row.htmlBody).toContain('<html lang="ar" dir="rtl">');
		expect(row.htmlBody).toContain('<body dir="rtl" style="text-align:right;');
		expect(row.htmlBody).toContain('padding-right:20px');
		expect(row.subject).toContain('\u2068Hulp bij boodschappen\u2069');
		expect(row.textBody).toContain(`\u2068${firstName('Amal')}\u2069`);
	});

	it('a Dutch mail stays left to right, without isolation marks', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const jan = ctx.resident('Jan', { email: 'jan@test.example', locale: 'nl' });
		db.transaction((tx) =>
			notifyPerson(
				tx,
				jan.id,
				{ kind: 'test', topic: 'other', write: () => ({ subject: 'Hallo', paragraphs: [] }) },
				NOW
			)
		);
		const row = rowsFor(db, jan.id)[0]!;
		expect(row.htmlBody).toContain('<html lang="nl" dir="ltr">');
		expect(row.htmlBody).toContain('text-align:left;');
		expect(row.textBody).not.toContain('\u2068');
	});
});

describe('a call task made instead of a mail, for someone without e-mail', () => {
	/** The broker reads the task in their own language (Dutch here), not the resident's. */
	function callTask(db: DB) {
		const details = JSON.parse(db.select().from(tasks).get()!.details) as { call?: CallText };
		expect(details.call).toBeDefined();
		return {
			subject: renderTaskText(details.call!.subject, 'nl'),
			text: renderTaskText(details.call!.text, 'nl')
		};
	}

	it('moderation: stores message keys, not the English words', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const ana = ctx.resident('Ana', { email: null, locale: 'en', role: 'broker' });
		const made = createPost(db, ana.id, makePostInput(ctx.category.id), true, NOW);
		if (!made.ok) throw new Error('post');
		db.transaction((tx) => tellPoster(tx, made.post, 'post_rejected', 'te vaag', ORIGIN, NOW));
		const title = made.post.title;
		expect(callTask(db)).toEqual({
			subject: m.broker_rejected_subject({ title }, { locale: 'nl' }),
			text: m.broker_rejected_body({ title, reason: 'te vaag' }, { locale: 'nl' })
		});
	});

	it('referral and new conversation message: the same', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const broker = ctx.resident('Bea', { role: 'broker', email: 'bea@test.example' });
		// A broker's request is open without moderation, so Bea can answer it.
		const ana = ctx.resident('Ana', { email: null, locale: 'en', role: 'broker' });
		const made = createPost(db, ana.id, makePostInput(ctx.category.id), true, NOW);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, broker.id, 'Ik kan dinsdag', NOW);
		if (!r.ok) throw new Error(r.error);
		sendMessage(db, r.response.id, broker.id, 'Dag Ana', ORIGIN, NOW);
		const title = made.post.title;
		expect(callTask(db)).toEqual({
			subject: m.talk_notice_subject({ name: 'Bea' }, { locale: 'nl' }),
			text: m.talk_notice_body({ name: 'Bea', title }, { locale: 'nl' })
		});
		db.delete(tasks).run();
		const service = addService(
			db,
			broker.id,
			ctx.hood.id,
			{
				name: 'OCMW Sociale dienst',
				description: '',
				kind: 'social',
				categoryIds: [],
				phone: '',
				address: '',
				website: '',
				openingHours: []
			},
			NOW
		);
		referPost(db, broker.id, made.post.id, service.id, '', NOW);
		expect(callTask(db)).toEqual({
			subject: m.intake_mail_referral_subject({}, { locale: 'nl' }),
			text: m.intake_mail_referral_body({ title, service: 'OCMW Sociale dienst' }, { locale: 'nl' })
		});
	});
});
