import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import type { DB, DbOrTx } from '../db/client';
import {
	conversationStates,
	matches,
	matchShares,
	messages,
	posts,
	responses,
	streets,
	users,
	type Match,
	type Post,
	type PostResponse
} from '../db/schema';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';
import { isBlockedPair } from '../posts/responses';
import { writingLanguage } from '$lib/profile/languages';
import { firstName } from '../profile/public';

/** The other side hears about new messages at most once an hour per conversation. */
export const NOTICE_INTERVAL_MS = 3_600_000;
export const MESSAGE_MAX = 2000;

export interface Sides {
	response: PostResponse;
	post: Post;
	/** The poster and the person who responded: the only two who may read the conversation. */
	posterId: string;
	responderId: string;
}

/** The conversation's two sides, or null when this person is not one of them. */
export function sidesFor(db: DbOrTx, responseId: number, userId: string): Sides | null {
	const row = db
		.select({ response: responses, post: posts })
		.from(responses)
		.innerJoin(posts, eq(posts.id, responses.postId))
		.where(eq(responses.id, responseId))
		.get();
	if (!row) return null;
	const sides = {
		response: row.response,
		post: row.post,
		posterId: row.post.authorId,
		responderId: row.response.responderId
	};
	return userId === sides.posterId || userId === sides.responderId ? sides : null;
}

export const otherSide = (s: Sides, userId: string) =>
	userId === s.posterId ? s.responderId : s.posterId;

export interface SharedContacts {
	phone: string | null;
	/** Street and house number. */
	address: string | null;
}

/** What each side chose to share in a match: only while they are the two sides of it. */
export function contactsShared(db: DbOrTx, match: Match, ownerId: string): SharedContacts {
	const share = db
		.select()
		.from(matchShares)
		.where(and(eq(matchShares.matchId, match.id), eq(matchShares.userId, ownerId)))
		.get();
	if (!share || (!share.phone && !share.address)) return { phone: null, address: null };
	const person = db
		.select({ phone: users.phone, street: streets.name, house: users.houseNumber })
		.from(users)
		.leftJoin(streets, eq(streets.id, users.streetId))
		.where(eq(users.id, ownerId))
		.get();
	return {
		phone: share.phone ? (person?.phone ?? null) : null,
		address:
			share.address && person?.street ? `${person.street} ${person.house ?? ''}`.trim() : null
	};
}

/** Chooses what this side shows the other in their match. */
export function setContactShares(
	db: DB,
	matchId: number,
	userId: string,
	choice: { phone: boolean; address: boolean }
): boolean {
	const match = db.select().from(matches).where(eq(matches.id, matchId)).get();
	if (!match || (match.helperId !== userId && match.requesterId !== userId)) return false;
	db.insert(matchShares)
		.values({ matchId, userId, ...choice })
		.onConflictDoUpdate({ target: [matchShares.matchId, matchShares.userId], set: choice })
		.run();
	return true;
}

export interface ThreadMessage {
	id: number;
	mine: boolean;
	body: string;
	/** The sender's language, for `lang` on what they wrote. */
	lang: string;
	createdAt: number;
}

export interface Conversation {
	sides: Sides;
	otherId: string;
	otherName: string;
	blocked: boolean;
	messages: ThreadMessage[];
	match: Match | null;
	myShares: { phone: boolean; address: boolean };
	theirContacts: SharedContacts;
	iAmPoster: boolean;
}

/** The thread as one side sees it; contacts only inside an agreed match. */
export function getConversation(
	db: DbOrTx,
	responseId: number,
	userId: string
): Conversation | null {
	const sides = sidesFor(db, responseId, userId);
	if (!sides) return null;
	const otherId = otherSide(sides, userId);
	const other = db
		.select({ name: users.displayName, locale: users.locale, languages: users.languages })
		.from(users)
		.where(eq(users.id, otherId))
		.get();
	const own = db
		.select({ locale: users.locale, languages: users.languages })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	const writtenIn = (who: typeof own) => (who ? writingLanguage(who.languages, who.locale) : 'nl');
	const blocked = isBlockedPair(db, userId, otherId);
	const match = db.select().from(matches).where(eq(matches.responseId, responseId)).get() ?? null;
	const mine = match
		? db
				.select()
				.from(matchShares)
				.where(and(eq(matchShares.matchId, match.id), eq(matchShares.userId, userId)))
				.get()
		: undefined;
	// Contacts are for an agreed match that is going on or went ahead; never after it was undone.
	const agreed = match !== null && (match.status === 'active' || match.status === 'done');
	return {
		sides,
		otherId,
		otherName: firstName(other?.name ?? ''),
		blocked,
		// People who blocked each other no longer see each other's messages.
		messages: blocked
			? []
			: db
					.select()
					.from(messages)
					.where(eq(messages.responseId, responseId))
					.orderBy(asc(messages.createdAt), asc(messages.id))
					.all()
					.map((msg) => ({
						id: msg.id,
						mine: msg.senderId === userId,
						body: msg.body,
						lang: writtenIn(msg.senderId === userId ? own : other),
						createdAt: msg.createdAt
					})),
		match,
		myShares: { phone: mine?.phone ?? false, address: mine?.address ?? false },
		theirContacts:
			agreed && match && !blocked
				? contactsShared(db, match, otherId)
				: { phone: null, address: null },
		iAmPoster: userId === sides.posterId
	};
}

export type SendResult = { ok: true } | { ok: false; error: 'blocked' | 'not_a_side' };

/**
 * Adds a message; the other side gets a mail notice through the outbox, at most once an hour
 * per conversation, and only when they have not read the conversation since.
 */
export function sendMessage(
	db: DB,
	responseId: number,
	senderId: string,
	body: string,
	origin: string,
	now: number
): SendResult {
	return db.transaction((tx) => {
		const sides = sidesFor(tx, responseId, senderId);
		if (!sides) return { ok: false as const, error: 'not_a_side' as const };
		const recipientId = otherSide(sides, senderId);
		if (isBlockedPair(tx, senderId, recipientId))
			return { ok: false as const, error: 'blocked' as const };
		tx.insert(messages).values({ responseId, senderId, body, createdAt: now }).run();
		markRead(tx, responseId, senderId, now);
		const state = tx
			.select()
			.from(conversationStates)
			.where(
				and(
					eq(conversationStates.responseId, responseId),
					eq(conversationStates.userId, recipientId)
				)
			)
			.get();
		if (state && now - state.lastNoticeAt < NOTICE_INTERVAL_MS) return { ok: true as const };
		const recipient = tx.select().from(users).where(eq(users.id, recipientId)).get();
		const sender = tx.select().from(users).where(eq(users.id, senderId)).get();
		// Without e-mail the outbox turns the notice into a call task, as for every mail.
		if (!recipient || recipient.status !== 'active' || !sender) return { ok: true as const };
		tx.insert(conversationStates)
			.values({ responseId, userId: recipientId, lastNoticeAt: now })
			.onConflictDoUpdate({
				target: [conversationStates.responseId, conversationStates.userId],
				set: { lastNoticeAt: now }
			})
			.run();
		const locale = toLocale(recipient.locale);
		const name = firstName(sender.displayName);
		enqueueMail(
			tx,
			{
				to: recipient.email,
				toName: recipient.displayName,
				userId: recipient.id,
				kind: 'message_notice',
				locale,
				postId: sides.post.id,
				// Without e-mail the broker calls, and reads this in their own language.
				call: {
					subject: { key: 'talk_notice_subject', params: { name } },
					text: { key: 'talk_notice_body', params: { name, title: sides.post.title } }
				},
				...renderMail({
					locale,
					subject: m.talk_notice_subject({ name: isolate(name, locale) }, { locale }),
					greeting: m.mail_greeting(
						{ name: isolate(firstName(recipient.displayName), locale) },
						{ locale }
					),
					paragraphs: [
						m.talk_notice_body(
							{ name: isolate(name, locale), title: isolate(sides.post.title, locale) },
							{ locale }
						)
					],
					action: {
						label: m.talk_notice_action({}, { locale }),
						url: `${origin}/conversations/${responseId}`
					},
					after: m.talk_notice_after({}, { locale })
				})
			},
			now
		);
		return { ok: true as const };
	});
}

/** Everything up to now counts as read for this person. */
export function markRead(db: DbOrTx, responseId: number, userId: string, now: number): void {
	db.insert(conversationStates)
		.values({ responseId, userId, lastReadAt: now })
		.onConflictDoUpdate({
			target: [conversationStates.responseId, conversationStates.userId],
			set: { lastReadAt: now }
		})
		.run();
}

export interface ConversationSummary {
	responseId: number;
	postId: number;
	postTitle: string;
	otherName: string;
	lastAt: number;
	unread: number;
	matched: boolean;
}

/** The person's conversations, latest first, with how many messages they have not read. */
export function listConversations(db: DbOrTx, userId: string): ConversationSummary[] {
	const lastAt = sql<number>`coalesce((select max(m.created_at) from messages m where m.response_id = ${responses.id}), ${responses.createdAt})`;
	return db
		.select({
			responseId: responses.id,
			postId: posts.id,
			postTitle: posts.title,
			otherName: sql<string>`(select u.display_name from users u where u.id =
				case when ${posts.authorId} = ${userId} then ${responses.responderId} else ${posts.authorId} end)`,
			lastAt,
			unread: sql<number>`(select count(*) from messages m where m.response_id = ${responses.id}
				and m.sender_id != ${userId}
				and m.created_at > coalesce((select s.last_read_at from conversation_states s
					where s.response_id = ${responses.id} and s.user_id = ${userId}), 0))`,
			matched: sql<number>`exists (select 1 from matches x where x.response_id = ${responses.id})`
		})
		.from(responses)
		.innerJoin(posts, eq(posts.id, responses.postId))
		.where(sql`${responses.id} in ${mine(userId)}`)
		.orderBy(desc(lastAt))
		.all()
		.map((r) => ({ ...r, otherName: firstName(r.otherName ?? ''), matched: Boolean(r.matched) }));
}

/** The ids of the person's conversations, as SQL both queries below can use indexes for. */
const mine = (userId: string) => sql`(
	select r.id from responses r where r.responder_id = ${userId}
	union
	select r.id from responses r join posts p on p.id = r.post_id where p.author_id = ${userId}
)`;

/** Unread messages over all conversations, for the menu: one indexed query on every page. */
export function unreadCount(db: DbOrTx, userId: string): number {
	return (
		db.get<{ n: number }>(sql`
			select count(*) as n from messages m
			left join conversation_states s on s.response_id = m.response_id and s.user_id = ${userId}
			where m.response_id in ${mine(userId)}
				and m.sender_id != ${userId}
				and m.created_at > coalesce(s.last_read_at, 0)`)?.n ?? 0
	);
}
