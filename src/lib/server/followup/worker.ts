import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import type { DB, DbOrTx } from '../db/client';
import { followUpLinks, followUps, matches, posts, users, type FollowUp } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { mailPerson } from '../mail/to-person';
import { canReach } from '../notify/chain';
import { callUsMailLine } from '../neighbourhoods/call-us';
import { days, localDaysLater } from '../calendar';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { firstName } from '../profile/public';
import { createTask } from '../tasks/tasks';
import { isOngoing } from './schedule';

/** A personal link works this long after the mail that carries it. */
export const LINK_VALID_DAYS = 30;
/** No answer this long after the mail: one reminder. */
export const REMINDER_AFTER_DAYS = 4;
/** Still no answer this long after the reminder: a task on the broker's Today page. */
export const TASK_AFTER_REMINDER_DAYS = 4;
/** At most this many of each step per run, so one run stays short; the next run takes the rest. */
const BATCH = 200;

/** Everything a follow-up mail or page says about its match. */
export function followUpContext(db: DbOrTx, followUp: FollowUp) {
	const row = db
		.select({ match: matches, post: posts })
		.from(matches)
		.innerJoin(posts, eq(matches.postId, posts.id))
		.where(eq(matches.id, followUp.matchId))
		.get()!;
	const otherId =
		row.match.helperId === followUp.userId ? row.match.requesterId : row.match.helperId;
	const person = db.select().from(users).where(eq(users.id, followUp.userId)).get()!;
	const other = db.select().from(users).where(eq(users.id, otherId)).get()!;
	return { ...row, person, other };
}

/** A fresh personal link for one mail; only its hash is stored. */
function newLink(tx: DbOrTx, followUpId: number, now: number): string {
	const token = randomToken();
	tx.insert(followUpLinks)
		.values({
			tokenHash: hashToken(token),
			followUpId,
			createdAt: now,
			expiresAt: now + days(LINK_VALID_DAYS)
		})
		.run();
	return token;
}

/**
 * Puts the follow-up (or reminder) mail in the outbox. Someone without e-mail gets a call task
 * instead (the outbox makes it), which links to the page where the broker enters their answer.
 */
function mailFollowUp(
	tx: DbOrTx,
	followUp: FollowUp,
	kind: 'follow_up' | 'follow_up_reminder',
	now: number,
	origin: string
): void {
	const { person, other, post } = followUpContext(tx, followUp);
	if (person.status !== 'active') return;
	const name = firstName(other.displayName);
	const title = post.title;
	// A link for whoever reads on a screen (mail, SMS, push); a letter carries a reply form instead.
	const onScreen = (['email', 'sms', 'push'] as const).some((c) => canReach(tx, person, c));
	const token = onScreen ? newLink(tx, followUp.id, now) : null;
	mailPerson(
		tx,
		person,
		kind,
		(locale) => {
			const question = followUp.aboutEnd
				? m.followup_mail_body_ended(
						{ name: isolate(name, locale), title: isolate(title, locale) },
						{ locale }
					)
				: followUp.round > 1
					? m.followup_mail_body_ongoing(
							{ name: isolate(name, locale), title: isolate(title, locale) },
							{ locale }
						)
					: m.followup_mail_body(
							{ name: isolate(name, locale), title: isolate(title, locale) },
							{ locale }
						);
			// Someone stuck on the link (or who would rather talk) finds the number in the mail itself.
			const call = token ? callUsMailLine(tx, post.neighbourhoodId, locale) : null;
			return {
				subject:
					kind === 'follow_up'
						? m.followup_mail_subject({ name: isolate(name, locale) }, { locale })
						: m.followup_reminder_subject({ name: isolate(name, locale) }, { locale }),
				paragraphs: [
					...(kind === 'follow_up'
						? [question]
						: [m.followup_reminder_body({}, { locale }), question]),
					...(call ? [call] : [])
				],
				action: token
					? {
							label: m.followup_mail_action({}, { locale }),
							url: `${origin}/follow-up/${token}`
						}
					: undefined,
				// The broker reads a call task out on the phone: no link, so no words about one.
				after: token ? m.followup_mail_after({ days: LINK_VALID_DAYS }, { locale }) : undefined
			};
		},
		now,
		{
			topic: 'follow_up',
			postId: post.id,
			followUpId: followUp.id,
			// Without e-mail the broker calls, and reads this in their own language.
			call: {
				subject: {
					key: 'followup_call_subject',
					params: { person: firstName(person.displayName), name }
				},
				// The mail's own question, without the link the person does not have.
				text: {
					key: followUp.aboutEnd
						? 'followup_mail_body_ended'
						: followUp.round > 1
							? 'followup_mail_body_ongoing'
							: 'followup_mail_body',
					params: { name, title }
				}
			}
		}
	);
}

/**
 * Sends every follow-up that is due. Marking it sent and queueing its mail happen in one
 * transaction, guarded by "not sent yet", so a restart or a second worker never sends one twice.
 * An ongoing match that is still active gets its next round scheduled one period later.
 */
export function sendDueFollowUps(db: DB, now: number, origin: string): number {
	const due = db
		.select({ id: followUps.id })
		.from(followUps)
		.where(and(isNull(followUps.sentAt), lte(followUps.dueAt, now)))
		.orderBy(asc(followUps.dueAt))
		.limit(BATCH)
		.all();
	let sent = 0;
	for (const { id } of due) {
		db.transaction(
			(tx) => {
				const row = tx
					.select({ match: matches, post: posts })
					.from(followUps)
					.innerJoin(matches, eq(followUps.matchId, matches.id))
					.innerJoin(posts, eq(matches.postId, posts.id))
					.where(eq(followUps.id, id))
					.get();
				if (!row) return;
				const followUp = tx
					.update(followUps)
					.set({ sentAt: now, aboutEnd: row.match.status !== 'active' })
					.where(and(eq(followUps.id, id), isNull(followUps.sentAt)))
					.returning()
					.all()[0];
				if (!followUp) return;
				sent++;
				mailFollowUp(tx, followUp, 'follow_up', now, origin);
				if (row.match.status === 'active' && isOngoing(row.post)) {
					const { followUpDelayDays, timeZone } = neighbourhoodSettings(
						tx,
						row.post.neighbourhoodId
					);
					tx.insert(followUps)
						.values({
							matchId: followUp.matchId,
							userId: followUp.userId,
							round: followUp.round + 1,
							dueAt: localDaysLater(followUp.dueAt, followUpDelayDays, timeZone)
						})
						.onConflictDoNothing()
						.run();
				}
			},
			{ behavior: 'immediate' }
		);
	}
	return sent;
}

/**
 * One reminder, REMINDER_AFTER_DAYS after the mail, to those who have not answered. People
 * without e-mail already have a call task, so they get no reminder.
 */
export function remindUnanswered(db: DB, now: number, origin: string): number {
	const waiting = db
		.select({ id: followUps.id })
		.from(followUps)
		.innerJoin(users, eq(followUps.userId, users.id))
		.where(
			and(
				isNull(followUps.answeredAt),
				isNull(followUps.remindedAt),
				lte(followUps.sentAt, now - days(REMINDER_AFTER_DAYS)),
				isNotNull(users.email)
			)
		)
		.limit(BATCH)
		.all();
	let reminded = 0;
	for (const { id } of waiting) {
		db.transaction(
			(tx) => {
				const followUp = tx
					.update(followUps)
					.set({ remindedAt: now })
					.where(
						and(eq(followUps.id, id), isNull(followUps.remindedAt), isNull(followUps.answeredAt))
					)
					.returning()
					.all()[0];
				if (!followUp) return;
				reminded++;
				mailFollowUp(tx, followUp, 'follow_up_reminder', now, origin);
			},
			{ behavior: 'immediate' }
		);
	}
	return reminded;
}

/** Still no answer TASK_AFTER_REMINDER_DAYS after the reminder: the broker calls. */
export function escalateUnanswered(db: DB, now: number): number {
	const waiting = db
		.select()
		.from(followUps)
		.where(
			and(
				isNull(followUps.answeredAt),
				isNull(followUps.escalatedAt),
				lte(followUps.remindedAt, now - days(TASK_AFTER_REMINDER_DAYS))
			)
		)
		.limit(BATCH)
		.all();
	for (const followUp of waiting) {
		db.transaction((tx) => {
			const { person, other, post } = followUpContext(tx, followUp);
			tx.update(followUps).set({ escalatedAt: now }).where(eq(followUps.id, followUp.id)).run();
			createTask(
				tx,
				{
					neighbourhoodId: post.neighbourhoodId,
					kind: 'follow_up_no_answer',
					subjectUserId: person.id,
					dedupeKey: `follow-up-no-answer:${followUp.id}`,
					// Words are chosen when Today shows it, in the broker's language.
					details: {
						followUpId: followUp.id,
						postId: post.id,
						title: post.title,
						other: firstName(other.displayName)
					}
				},
				now
			);
		});
	}
	return waiting.length;
}

/** The follow-up job: due mails, reminders and tasks, in that order. */
export function runFollowUps(db: DB, now: number, origin: string): number {
	return (
		sendDueFollowUps(db, now, origin) +
		remindUnanswered(db, now, origin) +
		escalateUnanswered(db, now)
	);
}
