import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import type { ReferralCheckAnswer } from '$lib/backoffice/lists';
import { recordAudit } from '../audit/audit';
import { isDaytime, localDaysLater } from '../calendar';
import type { DB, DbOrTx, Tx } from '../db/client';
import { neighbourhoods, posts, referralChecks, referrals, services, users } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { notifyPerson } from '../notify/notify';

/**
 * The check after a referral (seed 004 §3.2): some days after a broker referred a request to a
 * service, the resident is asked on their own channel whether it helped; the answer (theirs by
 * a one-click link, or written down by the broker after a call) and what the broker does next
 * are kept, and the reports show per service the share that helped.
 */

const DAY = 24 * 60 * 60 * 1000;
/** An asked check without an answer after this long goes on Today: the broker calls instead. */
export const UNANSWERED_DAYS = 7;

/** Plans the check in the transaction of the referral, after the neighbourhood's number of days. */
export function planReferralCheck(
	tx: Tx,
	referralId: number,
	neighbourhoodId: number,
	now: number
) {
	const hood = tx
		.select({ days: neighbourhoods.referralCheckDays, tz: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get()!;
	tx.insert(referralChecks)
		.values({ referralId, status: 'planned', dueAt: localDaysLater(now, hood.days, hood.tz) })
		.run();
}

/** What a check is about: the service, the request, the resident. */
function aboutCheck(db: DbOrTx, checkId: number) {
	return db
		.select({
			check: referralChecks,
			service: services.name,
			title: posts.title,
			postId: posts.id,
			residentId: posts.authorId,
			neighbourhoodId: posts.neighbourhoodId,
			timeZone: neighbourhoods.timeZone
		})
		.from(referralChecks)
		.innerJoin(referrals, eq(referrals.id, referralChecks.referralId))
		.innerJoin(services, eq(services.id, referrals.serviceId))
		.innerJoin(posts, eq(posts.id, referrals.postId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
		.where(eq(referralChecks.id, checkId))
		.get();
}

/**
 * The periodic job: asks each due check once, in the neighbourhood's daytime, on the resident's
 * channel (a call task for someone no channel reaches). The check is claimed with the message in
 * one transaction. Returns how many were asked.
 */
export function runReferralChecks(db: DB, now: number, origin: string): number {
	const due = db
		.select({ id: referralChecks.id })
		.from(referralChecks)
		.where(and(eq(referralChecks.status, 'planned'), lte(referralChecks.dueAt, now)))
		.orderBy(asc(referralChecks.dueAt))
		.all();
	let asked = 0;
	for (const { id } of due) {
		const about = aboutCheck(db, id);
		if (!about || !isDaytime(now, about.timeZone)) continue;
		const token = randomToken();
		const url = `${origin}/referral-check/${token}`;
		db.transaction((tx) => {
			const claimed = tx
				.update(referralChecks)
				.set({ status: 'asked', askedAt: now, tokenHash: hashToken(token) })
				.where(and(eq(referralChecks.id, id), eq(referralChecks.status, 'planned')))
				.returning()
				.all()[0];
			if (!claimed) return;
			notifyPerson(
				tx,
				about.residentId,
				{
					kind: 'referral_check',
					topic: 'follow_up',
					url,
					postId: about.postId,
					write: (locale) => ({
						subject: m.refcheck_mail_subject({}, { locale }),
						paragraphs: [
							m.refcheck_mail_body(
								{ service: isolate(about.service, locale), title: isolate(about.title, locale) },
								{ locale }
							)
						],
						action: { label: m.refcheck_mail_answer({}, { locale }), url }
					}),
					short: (locale) =>
						m.refcheck_sms({ service: isolate(about.service, locale) }, { locale }),
					call: {
						subject: { key: 'refcheck_mail_subject', params: {} },
						text: {
							key: 'refcheck_call_text',
							params: { service: about.service, title: about.title }
						}
					}
				},
				now
			);
			asked++;
		});
	}
	return asked;
}

/** The check a link is for, as its page shows it; null for a made-up or withdrawn link. */
export function checkByToken(db: DbOrTx, token: string) {
	const row = db
		.select({ id: referralChecks.id })
		.from(referralChecks)
		.where(eq(referralChecks.tokenHash, hashToken(token)))
		.get();
	if (!row) return null;
	const about = aboutCheck(db, row.id)!;
	return {
		id: row.id,
		service: about.service,
		title: about.title,
		answered: about.check.status === 'answered',
		answer: about.check.answer
	};
}

/** The resident answers by the link; a second answer changes nothing and says so calmly. */
export function answerByToken(
	db: DB,
	token: string,
	answer: Exclude<ReferralCheckAnswer, 'not_reached'>,
	words: string,
	now: number
): { ok: true; already: boolean } | { ok: false } {
	const check = checkByToken(db, token);
	if (!check) return { ok: false };
	if (check.answered) return { ok: true, already: true };
	db.update(referralChecks)
		.set({ status: 'answered', answer, note: words.trim(), answeredAt: now })
		.where(and(eq(referralChecks.id, check.id), eq(referralChecks.status, 'asked')))
		.run();
	return { ok: true, already: false };
}

/** A broker writes down the answer after a call (or that nobody answered) and what happens next. */
export function recordCheckAnswer(
	db: DB,
	brokerId: string,
	checkId: number,
	input: { answer: ReferralCheckAnswer; note: string; action: string },
	now: number
): { ok: true } | { ok: false } {
	const about = aboutCheck(db, checkId);
	if (!about || about.check.status === 'cancelled') return { ok: false };
	db.transaction((tx) => {
		tx.update(referralChecks)
			.set({
				status: 'answered',
				answer: input.answer,
				note: input.note.trim(),
				action: input.action.trim(),
				answeredAt: about.check.answeredAt ?? now,
				recordedById: brokerId
			})
			.where(eq(referralChecks.id, checkId))
			.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'referral_check.record',
				subjectType: 'referral_check',
				subjectId: checkId,
				neighbourhoodId: about.neighbourhoodId,
				detail: { answer: input.answer }
			},
			now
		);
	});
	return { ok: true };
}

/** One check for the broker's page, with the neighbourhood for the guard. */
export function getCheck(db: DbOrTx, checkId: number) {
	const about = aboutCheck(db, checkId);
	if (!about) return null;
	const resident = db
		.select({ name: users.displayName })
		.from(users)
		.where(eq(users.id, about.residentId))
		.get();
	return { ...about, residentName: resident?.name ?? '' };
}

/**
 * Checks for Today: answered "partly" or "not helped" with nothing decided yet, and asked ones
 * nobody answered within a week (the broker calls).
 */
export function checksForToday(db: DbOrTx, neighbourhoodIds: number[], now: number) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			id: referralChecks.id,
			status: referralChecks.status,
			answer: referralChecks.answer,
			service: services.name,
			residentName: users.displayName,
			askedAt: referralChecks.askedAt
		})
		.from(referralChecks)
		.innerJoin(referrals, eq(referrals.id, referralChecks.referralId))
		.innerJoin(services, eq(services.id, referrals.serviceId))
		.innerJoin(posts, eq(posts.id, referrals.postId))
		.innerJoin(users, eq(users.id, posts.authorId))
		.where(
			and(
				inArray(posts.neighbourhoodId, neighbourhoodIds),
				or(
					and(
						eq(referralChecks.status, 'answered'),
						inArray(referralChecks.answer, ['partly', 'not_helped']),
						eq(referralChecks.action, '')
					),
					and(
						eq(referralChecks.status, 'asked'),
						lte(referralChecks.askedAt, now - UNANSWERED_DAYS * DAY)
					)
				)
			)
		)
		.orderBy(asc(referralChecks.dueAt))
		.all();
}

/** Per service: referrals made in [from, to), checks answered, and each answer (for the reports). */
export function referralOutcomes(db: DbOrTx, neighbourhoodIds: number[], from: number, to: number) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			service: services.name,
			referred: sql<number>`count(*)`,
			answered: sql<number>`sum(${referralChecks.answer} IS NOT NULL AND ${referralChecks.answer} != 'not_reached')`,
			helped: sql<number>`sum(${referralChecks.answer} = 'helped')`,
			partly: sql<number>`sum(${referralChecks.answer} = 'partly')`,
			notHelped: sql<number>`sum(${referralChecks.answer} = 'not_helped')`
		})
		.from(referrals)
		.innerJoin(services, eq(services.id, referrals.serviceId))
		.innerJoin(posts, eq(posts.id, referrals.postId))
		.leftJoin(referralChecks, eq(referralChecks.referralId, referrals.id))
		.where(
			and(
				inArray(posts.neighbourhoodId, neighbourhoodIds),
				sql`${referrals.at} >= ${from} AND ${referrals.at} < ${to}`
			)
		)
		.groupBy(services.id)
		.orderBy(asc(services.name))
		.all()
		.map((r) => ({
			service: r.service,
			referred: r.referred,
			answered: r.answered ?? 0,
			helped: r.helped ?? 0,
			partly: r.partly ?? 0,
			notHelped: r.notHelped ?? 0
		}));
}
