import { mailPerson } from '../mail/to-person';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import type { DB, DbOrTx, Tx } from '../db/client';
import {
	matchProposals,
	posts,
	responses,
	users,
	type MatchProposal,
	type Post,
	type User
} from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { acceptResponseIn } from '../posts/responses';
import { helperRefusal, type HelperRefusal } from './eligibility';
import { firstName } from '../profile/public';
import { recordAudit } from '../audit/audit';
import { missingBadges } from '../trust/rules';
import { agreementGateForPost } from '../volunteers/agreement-gate';
import { careSettings, isBusy } from '../volunteers/care';
import { runningMatchCounts } from '../volunteers/who';

/** A proposal the helper has not answered after this long shows on the broker's Today page. */
export const PROPOSAL_REMINDER_MS = 48 * 3_600_000;

export type ProposeResult =
	| { ok: true; proposal: MatchProposal }
	| { ok: false; error: 'not_open' | 'already_proposed' }
	| { ok: false; error: 'ineligible'; refusal: HelperRefusal }
	| { ok: false; error: 'badge_missing'; missing: BadgeKind[] }
	| { ok: false; error: 'busy'; running: number; limit: number };

/**
 * The broker asks a helper to take a request. The helper gets a mail with a link to accept or
 * decline (without e-mail, the outbox makes it a call task for the broker). When the
 * neighbourhood requires badges for the category that the helper lacks, the broker must confirm
 * (`badgeWaived`); the proposal then records the waiver and the audit row names what was missing.
 * A helper at the neighbourhood's running-match limit (volunteers/care.ts isBusy) is proposed
 * only when the broker confirms they checked the helper can take more (`limitConfirmed`); the
 * audit row says so.
 */
export function proposeMatch(
	db: DB,
	input: {
		postId: number;
		helperId: string;
		brokerId: string;
		note: string;
		badgeWaived: boolean;
		limitConfirmed?: boolean;
	},
	origin: string,
	now: number
): ProposeResult {
	return db.transaction((tx) => {
		const post = tx.select().from(posts).where(eq(posts.id, input.postId)).get();
		if (!post || post.kind !== 'request' || post.status !== 'open')
			return { ok: false as const, error: 'not_open' as const };
		const refusal = helperRefusal(
			tx,
			{ neighbourhoodId: post.neighbourhoodId, requesterId: post.authorId },
			input.helperId
		);
		if (refusal) return { ok: false as const, error: 'ineligible' as const, refusal };
		const helper = tx.select().from(users).where(eq(users.id, input.helperId)).get()!;
		const open = tx
			.select({ id: matchProposals.id })
			.from(matchProposals)
			.where(
				and(
					eq(matchProposals.postId, post.id),
					eq(matchProposals.helperId, helper.id),
					eq(matchProposals.status, 'proposed')
				)
			)
			.get();
		if (open) return { ok: false as const, error: 'already_proposed' as const };
		const missing = missingBadges(tx, helper.id, post, now);
		if (missing.length > 0 && !input.badgeWaived)
			return { ok: false as const, error: 'badge_missing' as const, missing };
		const waived = missing.length > 0;
		const limit = careSettings(tx, post.neighbourhoodId)!.helperMatchLimit;
		const running = runningMatchCounts(tx, [helper.id]).get(helper.id) ?? 0;
		const overLimit = isBusy(running, limit);
		if (overLimit && !input.limitConfirmed)
			return { ok: false as const, error: 'busy' as const, running, limit };
		const proposal = tx
			.insert(matchProposals)
			.values({
				postId: post.id,
				helperId: helper.id,
				brokerId: input.brokerId,
				note: input.note,
				badgeWaived: waived,
				createdAt: now
			})
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: input.brokerId,
				action: 'match.propose',
				subjectType: 'post',
				subjectId: String(post.id),
				neighbourhoodId: post.neighbourhoodId,
				detail: {
					helperId: helper.id,
					badgeWaived: waived,
					...(waived ? { missing } : {}),
					...(overLimit ? { overLimit: { running, limit } } : {})
				}
			},
			now
		);
		const locale = toLocale(helper.locale);
		const subject = m.matching_proposal_mail_subject(
			{ title: isolate(post.title, locale) },
			{ locale }
		);
		const body = m.matching_proposal_mail_body({ title: isolate(post.title, locale) }, { locale });
		mailPerson(
			tx,
			helper,
			'match_proposal',
			() => ({
				subject,
				paragraphs: input.note ? [body, input.note] : [body],
				action: {
					label: m.matching_proposal_mail_action({}, { locale }),
					url: `${origin}/proposals/${proposal.id}`
				}
			}),
			now,
			{
				topic: 'proposal',
				postId: post.id,
				call: {
					subject: {
						key: 'broker_call_proposal_subject',
						params: { helper: helper.displayName, title: post.title }
					},
					text: {
						key: 'broker_call_proposal_text',
						params: { helper: firstName(helper.displayName), title: post.title }
					}
				}
			}
		);
		return { ok: true as const, proposal };
	});
}

export type AnswerResult =
	| { ok: true; matchId: number | null }
	| { ok: false; error: 'not_found' | 'answered' | 'full' | 'ineligible' | 'agreement' };

/**
 * The helper answers. Yes makes a match as in the marketplace, made by the broker, through the
 * same atomic "helpers needed" check, and tells the requester who will help (someone without
 * e-mail, registered on the phone, becomes a call task for the broker); no is recorded for the
 * broker. The match, the proposal's answer and that mail commit together.
 */
export function answerProposal(
	db: DB,
	proposalId: number,
	helperId: string,
	accept: boolean,
	origin: string,
	now: number
): AnswerResult {
	const proposal = db
		.select()
		.from(matchProposals)
		.where(and(eq(matchProposals.id, proposalId), eq(matchProposals.helperId, helperId)))
		.get();
	if (!proposal) return { ok: false, error: 'not_found' };
	if (proposal.status !== 'proposed') return { ok: false, error: 'answered' };
	// The neighbourhood may ask its volunteers to accept its agreement before they help.
	if (accept && agreementGateForPost(db, proposal.postId, helperId))
		return { ok: false, error: 'agreement' };
	if (!accept) {
		db.update(matchProposals)
			.set({ status: 'declined', decidedAt: now })
			.where(and(eq(matchProposals.id, proposal.id), eq(matchProposals.status, 'proposed')))
			.run();
		return { ok: true, matchId: null };
	}
	return db.transaction(
		(tx): AnswerResult => {
			const answered = tx
				.select({ status: matchProposals.status })
				.from(matchProposals)
				.where(eq(matchProposals.id, proposal.id))
				.get();
			if (answered?.status !== 'proposed') return { ok: false, error: 'answered' };
			const row = tx
				.select({ post: posts, requester: users })
				.from(posts)
				.innerJoin(users, eq(users.id, posts.authorId))
				.where(eq(posts.id, proposal.postId))
				.get()!;
			// The requester reads this as the helper's response, in the requester's language.
			const locale = toLocale(row.requester.locale);
			const message = m.matching_proposal_response_text({}, { locale });
			const response =
				tx
					.insert(responses)
					.values({ postId: proposal.postId, responderId: helperId, message, createdAt: now })
					.onConflictDoNothing()
					.returning()
					.all()[0] ??
				tx
					.select()
					.from(responses)
					.where(and(eq(responses.postId, proposal.postId), eq(responses.responderId, helperId)))
					.get()!;
			// The broker made this match: the same rule as when the poster accepts.
			const made = acceptResponseIn(tx, response.id, proposal.brokerId ?? helperId, now);
			// Since the proposal, one of them may have blocked the other, or the helper moved away.
			if (!made.ok)
				return { ok: false, error: made.error === 'ineligible' ? 'ineligible' : 'full' };
			tx.update(matchProposals)
				.set({ status: 'accepted', decidedAt: now, matchId: made.match.id })
				.where(eq(matchProposals.id, proposal.id))
				.run();
			tellRequester(tx, row.post, row.requester, helperId, response.id, origin, now);
			return { ok: true, matchId: made.match.id };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * "{helper} will help you": a mail with the way to their conversation, or for someone without
 * e-mail a call task with words the broker can read out (no link to speak of).
 */
function tellRequester(
	tx: Tx,
	post: Post,
	requester: User,
	helperId: string,
	responseId: number,
	origin: string,
	now: number
): void {
	const helper = tx
		.select({ displayName: users.displayName })
		.from(users)
		.where(eq(users.id, helperId))
		.get()!;
	const locale = toLocale(requester.locale);
	const name = firstName(helper.displayName);
	const title = post.title;
	mailPerson(
		tx,
		requester,
		'match_made',
		() => ({
			subject: m.matching_made_mail_subject(
				{ name: isolate(name, locale), title: isolate(title, locale) },
				{ locale }
			),
			paragraphs: [
				m.matching_made_mail_body(
					{ name: isolate(name, locale), title: isolate(title, locale) },
					{ locale }
				),
				requester.email
					? m.matching_made_mail_talk({ name: isolate(name, locale) }, { locale })
					: m.matching_made_mail_call({ name: isolate(name, locale) }, { locale })
			],
			action: requester.email
				? {
						label: m.matching_made_mail_action({}, { locale }),
						url: `${origin}/conversations/${responseId}`
					}
				: undefined
		}),
		now,
		{
			topic: 'proposal',
			postId: post.id,
			call: {
				subject: {
					key: 'broker_call_match_made_subject',
					params: { requester: requester.displayName, helper: helper.displayName, title }
				},
				text: {
					key: 'broker_call_match_made_text',
					params: { requester: firstName(requester.displayName), helper: name, title }
				}
			}
		}
	);
}

/** Proposals still unanswered after 48 hours, for the broker's Today page. */
export function staleProposals(db: DbOrTx, neighbourhoodIds: number[], now: number) {
	return db
		.select({
			proposal: matchProposals,
			title: posts.title,
			neighbourhoodId: posts.neighbourhoodId
		})
		.from(matchProposals)
		.innerJoin(posts, eq(posts.id, matchProposals.postId))
		.where(
			and(
				eq(matchProposals.status, 'proposed'),
				lte(matchProposals.createdAt, now - PROPOSAL_REMINDER_MS),
				inArray(posts.neighbourhoodId, neighbourhoodIds)
			)
		)
		.orderBy(asc(matchProposals.createdAt))
		.all();
}

/** What the helper sees on the proposal page: the request's public facts, and the note. */
export function proposalForHelper(db: DbOrTx, proposalId: number, helperId: string) {
	return (
		db
			.select({
				proposal: matchProposals,
				post: posts,
				requester: users.displayName,
				requesterHasEmail:
					sql<boolean>`${users.email} is not null and ${users.email} != ''`.mapWith(Boolean)
			})
			.from(matchProposals)
			.innerJoin(posts, eq(posts.id, matchProposals.postId))
			.innerJoin(users, eq(users.id, posts.authorId))
			.where(and(eq(matchProposals.id, proposalId), eq(matchProposals.helperId, helperId)))
			.get() ?? null
	);
}
