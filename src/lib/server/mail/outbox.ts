import { and, asc, count, desc, eq, inArray, lte, min, ne, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { outbox, type OutboxRow } from '../db/schema';
import { callInstead } from '../notify/call';
import { onRowQueued, wakeWorkers } from '../notify/rows';
import { waitsForQuietHours } from '../notify/chain';
import { afterPersonsQuietHours } from '../notify/quiet-hours';
import type { Topic } from '$lib/notify/channels';
import { randomToken } from '../ids';
import type { RenderedMail } from './layout';
import type { CallText } from '../tasks/texts';

export interface MailToSend extends RenderedMail {
	/** Empty or null for someone without e-mail: then a broker gets a call task instead. */
	to: string | null;
	toName?: string | null;
	userId?: string | null;
	/** What the mail is about, e.g. "verify_email"; shown on the mailbox page and in logs. */
	kind: string;
	locale: string;
	/** The post the mail is about, so a call task made instead can link to it. */
	postId?: number | null;
	/** The follow-up a mail asks about, so the broker can enter the answer from the call task. */
	followUpId?: number | null;
	/**
	 * For someone without e-mail: what the broker should say, as message keys, so the call task
	 * reads in the broker's language. Without it the task keeps the mail's own words.
	 */
	call?: CallText;
}

/** Lets the worker hear about new mail at once instead of at its next poll. */
export const onMailQueued = onRowQueued;

/**
 * Queues a mail by e-mail only: account mails (a link for the person at the screen) and the
 * site's other notices. Messages a person chooses the channel for go through `notifyPerson`.
 * Call it with the transaction of the change that causes the mail: if that transaction rolls
 * back, the mail is gone with it and never sent.
 */
export function enqueueMail(tx: DbOrTx, mail: MailToSend, now: number): void {
	const topic: Topic = (ACCOUNT_MAIL_KINDS as readonly string[]).includes(mail.kind)
		? 'account'
		: 'other';
	if (!mail.to) {
		callInstead(tx, mail.userId, { ...mail, kind: mail.kind }, now);
		return;
	}
	tx.insert(outbox)
		.values({
			messageId: `<${randomToken(16)}@naburig>`,
			channel: 'email',
			topic,
			toAddress: mail.to,
			toName: mail.toName ?? null,
			userId: mail.userId ?? null,
			kind: mail.kind,
			locale: mail.locale,
			subject: mail.subject,
			textBody: mail.text,
			htmlBody: mail.html,
			about: JSON.stringify({
				...(mail.postId ? { postId: mail.postId } : {}),
				...(mail.followUpId ? { followUpId: mail.followUpId } : {}),
				...(mail.call ? { call: mail.call } : {})
			}),
			nextAttemptAt: now,
			createdAt: now
		})
		.run();
	wakeWorkers();
}

/** How long a claimed row belongs to one worker before another may take it over. */
export const CLAIM_MS = 2 * 60_000;

/**
 * Mails a person is waiting for at the screen (confirm an address, reset a password): they go
 * before bulk mail, and the worker keeps a place free for them (see worker.ts). Told apart by
 * their kind, which every outbox row has.
 */
export const ACCOUNT_MAIL_KINDS = [
	'verify_email',
	'already_registered',
	'reset_password',
	'change_email',
	'change_email_notice',
	'email_in_use',
	'password_changed'
] as const;

export interface ClaimOptions {
	/** Rows this worker has in hand (a claim that ran out while still sending): never twice. */
	skip?: readonly number[];
	/** Take only an account mail (the last free place is kept for them). */
	accountOnly?: boolean;
}

/**
 * Takes the next due row for sending, account mails first, atomically: in one transaction, and
 * the update takes the row only while it is still unclaimed, so two workers never take the same
 * one. A row left in "sending" by a crashed worker becomes due again once its claim runs out.
 * Throws when the database cannot record the claim (then nothing may be sent).
 */
export function claimNextMail(
	db: DbOrTx,
	now: number,
	{ skip = [], accountOnly = false }: ClaimOptions = {}
): OutboxRow | undefined {
	const isAccountMail = or(
		eq(outbox.topic, 'account'),
		inArray(outbox.kind, [...ACCOUNT_MAIL_KINDS])
	)!;
	return db.transaction((tx) => {
		const due = tx
			.select({ id: outbox.id })
			.from(outbox)
			.where(
				and(
					// A letter waits for the broker to print it, not for a machine.
					ne(outbox.channel, 'letter'),
					or(
						and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
						and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, now))
					),
					skip.length ? notInArray(outbox.id, [...skip]) : undefined,
					accountOnly ? isAccountMail : undefined
				)
			)
			.orderBy(desc(isAccountMail), asc(outbox.nextAttemptAt), asc(outbox.id))
			.limit(1)
			.get();
		if (!due) return undefined;
		return tx
			.update(outbox)
			.set({
				status: 'sending',
				lockedUntil: now + CLAIM_MS,
				attempts: sql`${outbox.attempts} + 1`
			})
			.where(
				and(
					eq(outbox.id, due.id),
					or(
						eq(outbox.status, 'pending'),
						and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, now))
					)
				)
			)
			.returning()
			.all()[0]!;
	});
}

/** Records a delivered row; only a row still claimed can be marked, so it is marked once. */
export function markMailSent(db: DbOrTx, id: number, via: string, now: number): void {
	db.update(outbox)
		.set({ status: 'sent', sentAt: now, deliveredVia: via, lockedUntil: null, lastError: null })
		.where(and(eq(outbox.id, id), eq(outbox.status, 'sending')))
		.run();
}

/** After this many attempts (about a day of back-off) a mail is marked failed for a person to look at. */
export const MAX_ATTEMPTS = 12;

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, … capped at 2 hours. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60_000);
}

/** Records a failed attempt and schedules the next one, or gives up after MAX_ATTEMPTS. */
export function markMailFailed(db: DbOrTx, row: OutboxRow, error: string, now: number): void {
	const giveUp = row.attempts >= MAX_ATTEMPTS;
	const retryAt = now + retryDelayMs(row.attempts);
	db.update(outbox)
		.set({
			status: giveUp ? 'failed' : 'pending',
			lastError: error.slice(0, 1000),
			nextAttemptAt: giveUp
				? row.nextAttemptAt
				: // A retry of an SMS or push does not buzz at night either.
					row.userId && waitsForQuietHours(row.channel, row.topic)
					? afterPersonsQuietHours(db, row.userId, retryAt)
					: retryAt,
			lockedUntil: null
		})
		.where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')))
		.run();
}

/**
 * What /healthz reports: how many messages wait for a machine (letters wait for a person, and
 * are counted on the letters list), and for how long the oldest has waited.
 */
export function outboxBacklog(db: DbOrTx, now: number) {
	const pending = db
		.select({ n: count(), oldest: min(outbox.createdAt) })
		.from(outbox)
		.where(
			and(
				ne(outbox.channel, 'letter'),
				or(eq(outbox.status, 'pending'), eq(outbox.status, 'sending'))
			)
		)
		.get();
	const failed = db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed')).get();
	return {
		pending: pending?.n ?? 0,
		failed: failed?.n ?? 0,
		oldestPendingSeconds: pending?.oldest ? Math.round((now - pending.oldest) / 1000) : 0
	};
}
