import { and, asc, desc, eq, gte, inArray, or, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import { euroText } from '$lib/intl';
import type { ExpenseStatus } from '$lib/volunteers/lists';
import { recordAudit } from '../audit/audit';
import { days } from '../calendar';
import type { DB, DbOrTx } from '../db/client';
import { expenseClaims, matches, posts, users } from '../db/schema';
import { notifyPerson } from '../notify/notify';

/** A claim can be made for a match still running or ended this recently (seed: within a month; some slack). */
export const CLAIM_WINDOW_DAYS = 90;

/** The largest amount one claim may ask for, in cents: more is not an expense but an arrangement. */
export const MAX_CLAIM_CENTS = 500_00;

/** The matches a helper may claim expenses for: theirs as helper, running or ended in the window. */
export function claimableMatches(d: DbOrTx, helperId: string, now: number) {
	return d
		.select({ id: matches.id, title: posts.title, agreedAt: matches.agreedAt })
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(
			and(
				eq(matches.helperId, helperId),
				or(isNull(matches.endedAt), gte(matches.endedAt, now - days(CLAIM_WINDOW_DAYS)))
			)
		)
		.orderBy(desc(matches.agreedAt))
		.all();
}

export type ClaimResult =
	{ ok: true; id: number } | { ok: false; field: 'matchId' | 'amount' | 'reason'; error: string };

/**
 * A helper asks to be paid back an amount with a reason, for one of their own recent matches.
 * The claim waits for a broker of the match's neighbourhood; it is logged.
 */
export function claimExpense(
	db: DB,
	input: { helperId: string; matchId: number; amountCents: number; reason: string },
	now: number
): ClaimResult {
	const reason = input.reason.trim();
	if (!reason) return { ok: false, field: 'reason', error: 'err_required' };
	if (!Number.isInteger(input.amountCents) || input.amountCents <= 0)
		return { ok: false, field: 'amount', error: 'volunteers_expenses_err_amount' };
	if (input.amountCents > MAX_CLAIM_CENTS)
		return { ok: false, field: 'amount', error: 'volunteers_expenses_err_too_much' };
	const match = claimableMatches(db, input.helperId, now).find((x) => x.id === input.matchId);
	if (!match) return { ok: false, field: 'matchId', error: 'volunteers_expenses_err_match' };
	const hood = db
		.select({ id: posts.neighbourhoodId })
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(eq(matches.id, match.id))
		.get()!.id;
	return db.transaction((tx) => {
		const id = tx
			.insert(expenseClaims)
			.values({
				neighbourhoodId: hood,
				matchId: match.id,
				helperId: input.helperId,
				amountCents: input.amountCents,
				reason,
				createdAt: now
			})
			.returning({ id: expenseClaims.id })
			.all()[0]!.id;
		recordAudit(
			tx,
			{
				actorId: input.helperId,
				action: 'expense.claim',
				subjectType: 'expense_claim',
				subjectId: id,
				neighbourhoodId: hood,
				detail: { matchId: match.id, amountCents: input.amountCents }
			},
			now
		);
		return { ok: true as const, id };
	});
}

export type DecideResult = { ok: true } | { ok: false; field?: 'reason'; error: string };

/**
 * A broker of the claim's neighbourhood approves or refuses a waiting claim; a refusal needs a
 * reason, which the helper reads. The helper is told on their channel in the same transaction;
 * a claim already decided (by a colleague in another tab) is not decided again.
 */
export function decideExpense(
	db: DB,
	input: { claimId: number; brokerId: string; approve: boolean; reason: string },
	origin: string,
	now: number
): DecideResult {
	const reason = input.reason.trim();
	if (!input.approve && !reason)
		return { ok: false, field: 'reason', error: 'volunteers_expenses_err_refuse_reason' };
	return db.transaction((tx) => {
		const status: ExpenseStatus = input.approve ? 'approved' : 'refused';
		const claim = tx
			.update(expenseClaims)
			.set({ status, decidedAt: now, decidedById: input.brokerId, decisionReason: reason })
			.where(and(eq(expenseClaims.id, input.claimId), eq(expenseClaims.status, 'claimed')))
			.returning()
			.all()[0];
		if (!claim) return { ok: false as const, error: 'volunteers_expenses_err_decided' };
		recordAudit(
			tx,
			{
				actorId: input.brokerId,
				action: input.approve ? 'expense.approve' : 'expense.refuse',
				subjectType: 'user',
				subjectId: claim.helperId,
				neighbourhoodId: claim.neighbourhoodId,
				detail: { claimId: claim.id, amountCents: claim.amountCents }
			},
			now
		);
		const url = `${origin}/volunteering/expenses`;
		notifyPerson(
			tx,
			claim.helperId,
			{
				kind: input.approve ? 'expense_approved' : 'expense_refused',
				topic: 'other',
				url,
				write: (locale) => {
					const amount = euroText(claim.amountCents, locale);
					const paragraphs = [
						input.approve
							? m.volunteers_expenses_mail_approved({ amount }, { locale })
							: m.volunteers_expenses_mail_refused({ amount }, { locale })
					];
					if (reason)
						paragraphs.push(
							m.volunteers_expenses_mail_reason({ reason: isolate(reason, locale) }, { locale })
						);
					return {
						subject: input.approve
							? m.volunteers_expenses_mail_approved_subject({}, { locale })
							: m.volunteers_expenses_mail_refused_subject({}, { locale }),
						paragraphs,
						action: { label: m.volunteers_expenses_mail_open({}, { locale }), url }
					};
				},
				call: {
					subject: {
						key: input.approve
							? 'volunteers_expenses_mail_approved_subject'
							: 'volunteers_expenses_mail_refused_subject',
						params: {}
					},
					text: {
						key: input.approve
							? 'volunteers_expenses_call_approved'
							: 'volunteers_expenses_call_refused',
						params: { amount: (claim.amountCents / 100).toFixed(2) }
					}
				}
			},
			now
		);
		return { ok: true as const };
	});
}

/** A helper's own claims, newest first, with the request's title. */
export function ownClaims(d: DbOrTx, helperId: string) {
	return d
		.select({
			id: expenseClaims.id,
			title: posts.title,
			amountCents: expenseClaims.amountCents,
			reason: expenseClaims.reason,
			status: expenseClaims.status,
			createdAt: expenseClaims.createdAt,
			decidedAt: expenseClaims.decidedAt,
			decisionReason: expenseClaims.decisionReason
		})
		.from(expenseClaims)
		.innerJoin(matches, eq(matches.id, expenseClaims.matchId))
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(eq(expenseClaims.helperId, helperId))
		.orderBy(desc(expenseClaims.createdAt), desc(expenseClaims.id))
		.all();
}

/** The claims of the broker's neighbourhoods: waiting ones first (oldest first), then decided ones. */
export function brokerClaims(d: DbOrTx, neighbourhoodIds: number[], limitDecided = 50) {
	if (neighbourhoodIds.length === 0) return { waiting: [], decided: [] };
	const base = () =>
		d
			.select({
				id: expenseClaims.id,
				helperId: expenseClaims.helperId,
				helperName: users.displayName,
				title: posts.title,
				postId: posts.id,
				amountCents: expenseClaims.amountCents,
				reason: expenseClaims.reason,
				status: expenseClaims.status,
				createdAt: expenseClaims.createdAt,
				decidedAt: expenseClaims.decidedAt,
				decisionReason: expenseClaims.decisionReason
			})
			.from(expenseClaims)
			.innerJoin(users, eq(users.id, expenseClaims.helperId))
			.innerJoin(matches, eq(matches.id, expenseClaims.matchId))
			.innerJoin(posts, eq(posts.id, matches.postId));
	const waiting = base()
		.where(
			and(
				inArray(expenseClaims.neighbourhoodId, neighbourhoodIds),
				eq(expenseClaims.status, 'claimed')
			)
		)
		.orderBy(asc(expenseClaims.createdAt))
		.all();
	const decided = base()
		.where(
			and(
				inArray(expenseClaims.neighbourhoodId, neighbourhoodIds),
				inArray(expenseClaims.status, ['approved', 'refused'])
			)
		)
		.orderBy(desc(expenseClaims.decidedAt))
		.limit(limitDecided)
		.all();
	return { waiting, decided };
}

/** The neighbourhood of a claim, for the permission check; null when there is no such claim. */
export function claimNeighbourhood(d: DbOrTx, claimId: number): number | null {
	return (
		d
			.select({ n: expenseClaims.neighbourhoodId })
			.from(expenseClaims)
			.where(eq(expenseClaims.id, claimId))
			.get()?.n ?? null
	);
}
