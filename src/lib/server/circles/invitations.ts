import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { InviteWay } from '$lib/circles/lists';
import { isolate, toLocale } from '$lib/i18n';
import { countryCodeFor, toE164 } from '$lib/phone';
import { recordAudit } from '../audit/audit';
import { days } from '../calendar';
import type { DB, DbOrTx } from '../db/client';
import {
	circleInvitations,
	circles,
	neighbourhoods,
	outbox,
	users,
	type Circle
} from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';
import { wakeWorkers } from '../notify/rows';
import { firstName } from '../profile/public';
import { canTakeSms } from '../sms/verify';
import { fitSms } from '../sms/segments';
import { addMember } from './circles';
import { RateLimiter } from '../auth/rate-limit';

/**
 * Codes typed per account: ten at once, then one every three minutes. Codes are long enough not to
 * be guessed; this keeps anyone from trying.
 */
export const joinAttempts = new RateLimiter(10, 3 * 60_000);

/** An invitation is good for a month: long enough for a code on the fridge, not forever. */
export const INVITATION_DAYS = 30;

// No 0/O, 1/I/L: a code read aloud on the phone or typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new code such as "K7PQ-M2XD". */
function newCode(): string {
	const c = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
	return `${c.slice(0, 4)}-${c.slice(4)}`;
}

/** The code as stored (hashed): spaces, dashes and case do not matter. */
export function normaliseCode(typed: string): string {
	const c = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

export type InviteResult =
	{ ok: true; code: string; invitationId: number } | { ok: false; field: 'address'; error: string };

/**
 * Invites someone: a link by mail or SMS (in the inviter's language; the invited person may have
 * no account yet), or a code to print and hand over. Logged. The code is shown once, to the
 * inviter, for a printed invitation; only its hash is kept.
 */
export function invite(
	db: DB,
	circle: Circle,
	input: { way: InviteWay; name: string; address: string },
	inviterId: string,
	origin: string,
	now: number
): InviteResult {
	return db.transaction((tx): InviteResult => {
		const inviter = tx
			.select({ name: users.displayName, locale: users.locale, tz: neighbourhoods.timeZone })
			.from(users)
			.innerJoin(neighbourhoods, eq(neighbourhoods.id, circle.neighbourhoodId))
			.where(eq(users.id, inviterId))
			.get()!;
		const centre = tx
			.select({ name: users.displayName })
			.from(users)
			.where(eq(users.id, circle.centreId))
			.get()!;
		let address = input.address.trim();
		if (input.way === 'sms') {
			const e164 = toE164(address, countryCodeFor(inviter.tz));
			if (!e164 || !canTakeSms(e164))
				return { ok: false, field: 'address', error: 'circles_err_phone' };
			address = e164;
		}
		if (input.way === 'code') address = '';
		const code = newCode();
		const row = tx
			.insert(circleInvitations)
			.values({
				circleId: circle.id,
				invitedById: inviterId,
				way: input.way,
				name: input.name,
				address,
				codeHash: hashToken(code),
				createdAt: now,
				expiresAt: now + days(INVITATION_DAYS)
			})
			.returning({ id: circleInvitations.id })
			.all()[0]!;
		const locale = toLocale(inviter.locale);
		const url = `${origin}/circles/join?code=${encodeURIComponent(code)}`;
		const words = {
			inviter: isolate(firstName(inviter.name), locale),
			centre: isolate(firstName(centre.name), locale)
		};
		if (input.way === 'email')
			enqueueMail(
				tx,
				{
					to: address,
					toName: input.name,
					kind: 'circle_invitation',
					locale,
					...renderMail({
						locale,
						greeting: m.mail_greeting({ name: isolate(input.name, locale) }, { locale }),
						subject: m.circles_invite_mail_subject(words, { locale }),
						paragraphs: [
							m.circles_invite_mail_text(words, { locale }),
							m.circles_invite_mail_code({ code }, { locale })
						],
						action: { label: m.circles_invite_mail_button({}, { locale }), url }
					})
				},
				now
			);
		if (input.way === 'sms') {
			const text = fitSms(m.circles_invite_sms(words, { locale }), url);
			tx.insert(outbox)
				.values({
					messageId: `<${randomToken(16)}@naburig>`,
					channel: 'sms',
					topic: 'other',
					kind: 'circle_invitation',
					toAddress: address,
					toName: input.name,
					locale,
					subject: m.circles_invite_mail_subject(words, { locale }),
					shortText: text,
					textBody: text,
					htmlBody: '',
					url,
					nextAttemptAt: now,
					createdAt: now
				})
				.run();
			wakeWorkers();
		}
		recordAudit(
			tx,
			{
				actorId: inviterId,
				action: 'circle.invite',
				subjectType: 'user',
				subjectId: circle.centreId,
				neighbourhoodId: circle.neighbourhoodId,
				detail: { circle: circle.id, invitation: row.id, way: input.way }
			},
			now
		);
		return { ok: true, code, invitationId: row.id };
	});
}

/** A valid invitation for a typed code, with the circle's centre's first name; null if none. */
export function findInvitation(db: DbOrTx, typed: string, now: number) {
	const row = db
		.select({ invitation: circleInvitations, centre: users.displayName, circle: circles })
		.from(circleInvitations)
		.innerJoin(circles, eq(circles.id, circleInvitations.circleId))
		.innerJoin(users, eq(users.id, circles.centreId))
		.where(
			and(
				eq(circleInvitations.codeHash, hashToken(normaliseCode(typed))),
				isNull(circleInvitations.acceptedAt),
				isNull(circleInvitations.withdrawnAt),
				gt(circleInvitations.expiresAt, now),
				isNull(circles.closedAt)
			)
		)
		.get();
	return row ? { ...row, centreFirstName: firstName(row.centre) } : null;
}

/**
 * The signed-in person joins with a code: the invitation is used up, they are a member. Someone
 * already in the circle keeps the code unused. Logged.
 */
export function joinWithCode(
	db: DB,
	typed: string,
	userId: string,
	now: number
): { ok: true; circleId: number } | { ok: false; error: string } {
	if (!joinAttempts.consume(userId, now)) return { ok: false, error: 'circles_err_code_wait' };
	return db.transaction((tx) => {
		const found = findInvitation(tx, typed, now);
		if (!found) return { ok: false, error: 'circles_err_code' };
		const { invitation, circle } = found;
		if (circle.centreId === userId) return { ok: true, circleId: circle.id };
		const used = tx
			.update(circleInvitations)
			.set({ acceptedById: userId, acceptedAt: now })
			.where(and(eq(circleInvitations.id, invitation.id), isNull(circleInvitations.acceptedAt)))
			.run().changes;
		if (!used) return { ok: false, error: 'circles_err_code' };
		addMember(tx, circle.id, userId, now);
		recordAudit(
			tx,
			{
				actorId: userId,
				action: 'circle.join',
				subjectType: 'user',
				subjectId: circle.centreId,
				neighbourhoodId: circle.neighbourhoodId,
				detail: { circle: circle.id, invitation: invitation.id }
			},
			now
		);
		return { ok: true, circleId: circle.id };
	});
}

/** Invitations not yet used, newest first. */
export function pendingInvitations(db: DbOrTx, circleId: number, now: number) {
	return db
		.select({
			id: circleInvitations.id,
			way: circleInvitations.way,
			name: circleInvitations.name,
			address: circleInvitations.address,
			expiresAt: circleInvitations.expiresAt
		})
		.from(circleInvitations)
		.where(
			and(
				eq(circleInvitations.circleId, circleId),
				isNull(circleInvitations.acceptedAt),
				isNull(circleInvitations.withdrawnAt),
				gt(circleInvitations.expiresAt, now)
			)
		)
		.orderBy(desc(circleInvitations.createdAt))
		.all();
}

/** An invitation is taken back: its code no longer works. */
export function withdrawInvitation(db: DbOrTx, circleId: number, id: number, now: number): boolean {
	return (
		db
			.update(circleInvitations)
			.set({ withdrawnAt: now })
			.where(
				and(
					eq(circleInvitations.id, id),
					eq(circleInvitations.circleId, circleId),
					isNull(circleInvitations.acceptedAt)
				)
			)
			.run().changes > 0
	);
}
