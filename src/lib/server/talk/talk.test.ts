import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, reports, streets, trustBadges, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from '../posts/create';
import { acceptResponse, endMatch, respond } from '../posts/responses';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { getPostView } from '../posts/view';
import { viewerOf } from '../posts/viewer';
import { listOpenPosts, parseFilters } from '../posts/list';
import {
	NOTICE_INTERVAL_MS,
	getConversation,
	listConversations,
	markRead,
	sendMessage,
	setContactShares
} from './conversations';
import { blockPerson, reportPerson, reportPost, unblockPerson } from './safety';

const NOW = Date.UTC(2026, 10, 24, 9);
const ORIGIN = 'https://buurt.example';

function world() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const street = db.select().from(streets).get()!;
	const anna = ctx.resident('Anna Peeters', {
		phone: '0470 11 22 33',
		streetId: street.id,
		houseNumber: '12'
	});
	db.insert(trustBadges).values({ userId: anna.id, kind: 'met_in_person', grantedAt: 0 }).run();
	const bert = ctx.resident('Bert Claes', { phone: '0480 44 55 66' });
	const carl = ctx.resident('Carl Janssens');
	const made = createPost(db, anna.id, makePostInput(ctx.category.id), true, NOW);
	if (!made.ok) throw new Error('post');
	const r = respond(db, made.post, bert.id, 'Ik kan dinsdag.', NOW);
	if (!r.ok) throw new Error('respond');
	return { db, ctx, anna, bert, carl, post: made.post, response: r.response };
}

describe('conversations', () => {
	it('are open to the two sides only', () => {
		const { db, anna, bert, carl, response } = world();
		expect(getConversation(db, response.id, anna.id)?.otherName).toBe('Bert');
		expect(getConversation(db, response.id, bert.id)?.otherName).toBe('Anna');
		expect(getConversation(db, response.id, carl.id)).toBeNull();
		expect(sendMessage(db, response.id, carl.id, 'Hallo', ORIGIN, NOW)).toEqual({
			ok: false,
			error: 'not_a_side'
		});
	});

	it('mail the other side at most once an hour, and keep read and unread apart', () => {
		const { db, anna, bert, response } = world();
		expect(sendMessage(db, response.id, bert.id, 'Past dinsdag 10 uur?', ORIGIN, NOW).ok).toBe(
			true
		);
		sendMessage(db, response.id, bert.id, 'Of woensdag?', ORIGIN, NOW + 60_000);
		let mails = db.select().from(outbox).all();
		expect(mails).toHaveLength(1);
		expect(mails[0]!.kind).toBe('message_notice');
		expect(mails[0]!.userId).toBe(anna.id);
		expect(mails[0]!.textBody).toContain(`${ORIGIN}/conversations/${response.id}`);
		expect(listConversations(db, anna.id)[0]!.unread).toBe(2);
		expect(listConversations(db, bert.id)[0]!.unread).toBe(0);

		markRead(db, response.id, anna.id, NOW + 120_000);
		expect(listConversations(db, anna.id)[0]!.unread).toBe(0);
		sendMessage(db, response.id, bert.id, 'Nog één ding', ORIGIN, NOW + NOTICE_INTERVAL_MS - 1);
		expect(db.select().from(outbox).all()).toHaveLength(1);
		sendMessage(db, response.id, bert.id, 'Een uur later', ORIGIN, NOW + NOTICE_INTERVAL_MS);
		mails = db.select().from(outbox).all();
		expect(mails).toHaveLength(2);
		// Anna's answer mails Bert: each side has its own hour.
		sendMessage(db, response.id, anna.id, 'Dinsdag is goed.', ORIGIN, NOW + NOTICE_INTERVAL_MS);
		expect(
			db
				.select()
				.from(outbox)
				.all()
				.map((m) => m.userId)
		).toEqual([anna.id, anna.id, bert.id]);
	});

	it('show contact details only inside an agreed match, and only what was shared', () => {
		const { db, anna, bert, carl, response } = world();
		expect(getConversation(db, response.id, bert.id)!.theirContacts).toEqual({
			phone: null,
			address: null
		});
		const accepted = acceptResponse(db, response.id, anna.id, NOW);
		if (!accepted.ok) throw new Error('accept');
		expect(setContactShares(db, accepted.match.id, carl.id, { phone: true, address: true })).toBe(
			false
		);
		setContactShares(db, accepted.match.id, anna.id, { phone: false, address: true });
		expect(getConversation(db, response.id, bert.id)!.theirContacts).toEqual({
			phone: null,
			address: 'Markt 12'
		});
		setContactShares(db, accepted.match.id, anna.id, { phone: true, address: true });
		expect(getConversation(db, response.id, bert.id)!.theirContacts.phone).toBe('0470 11 22 33');
		// Bert shared nothing: Anna sees nothing of his.
		expect(getConversation(db, response.id, anna.id)!.theirContacts).toEqual({
			phone: null,
			address: null
		});
		// A match that was undone no longer shows them.
		endMatch(db, accepted.match.id, anna.id, 'cancelled', 'Ziek', NOW + 1000);
		expect(getConversation(db, response.id, bert.id)!.theirContacts.address).toBeNull();
	});

	it('stop between people who blocked each other, in both directions', () => {
		const { db, anna, bert, response, post } = world();
		sendMessage(db, response.id, bert.id, 'Hallo', ORIGIN, NOW);
		blockPerson(db, anna.id, bert.id, NOW);
		expect(getConversation(db, response.id, bert.id)!.messages).toEqual([]);
		expect(getConversation(db, response.id, bert.id)!.blocked).toBe(true);
		expect(sendMessage(db, response.id, bert.id, 'Nog eens', ORIGIN, NOW)).toEqual({
			ok: false,
			error: 'blocked'
		});
		// Bert no longer sees Anna's post either.
		expect(getPostView(db, post.id, bert.id, 'nl', NOW)).toBeNull();
		unblockPerson(db, anna.id, bert.id);
		expect(getConversation(db, response.id, bert.id)!.messages).toHaveLength(1);
		expect(getPostView(db, post.id, bert.id, 'nl', NOW)).not.toBeNull();
	});
});

describe('reports', () => {
	it('are stored for the broker of the neighbourhood, about a post or a person', () => {
		const { db, ctx, anna, bert, carl, post } = world();
		expect(reportPost(db, carl.id, post.id, 'Vraagt om geld', NOW)).toBe(true);
		expect(reportPerson(db, carl.id, bert.id, 'Onvriendelijk', NOW)).toBe(true);
		expect(reportPerson(db, carl.id, carl.id, 'Ikzelf', NOW)).toBe(false);
		const rows = db.select().from(reports).all();
		expect(rows.map((r) => [r.postId, r.personId, r.neighbourhoodId, r.status])).toEqual([
			[post.id, anna.id, ctx.hood.id, 'open'],
			[null, bert.id, ctx.hood.id, 'open']
		]);
	});
});

describe('blocking and the open list', () => {
	it('hides the blocked person’s posts from the list, both ways', () => {
		const { db, anna, bert, carl } = world();
		const titles = (userId: string) =>
			listOpenPosts(
				db,
				parseFilters(new URLSearchParams()),
				viewerOf(db, userId),
				NOW,
				'nl'
			).items.map((p) => p.title);
		expect(titles(bert.id)).toHaveLength(1);
		blockPerson(db, bert.id, anna.id, NOW);
		expect(titles(bert.id)).toHaveLength(0);
		expect(titles(carl.id)).toHaveLength(1);
	});
});

describe('what residents wrote', () => {
	it('carries its writer’s language, whatever the reader’s, so the page can mark it with lang', () => {
		const { db, anna, bert, carl, post, response } = world();
		db.update(users).set({ locale: 'en' }).where(eq(users.id, bert.id)).run();
		sendMessage(db, response.id, bert.id, 'I can come on Tuesday.', ORIGIN, NOW);
		sendMessage(db, response.id, anna.id, 'Graag!', ORIGIN, NOW + 1);
		expect(
			getConversation(db, response.id, anna.id)!.messages.map((msg) => [msg.body, msg.lang])
		).toEqual([
			['I can come on Tuesday.', 'en'],
			['Graag!', 'nl']
		]);
		// Anna's post, read by an English-speaking neighbour, is still in Anna's language.
		db.update(users).set({ locale: 'en' }).where(eq(users.id, carl.id)).run();
		expect(getPostView(db, post.id, carl.id, 'en', NOW)!.lang).toBe('nl');
		const list = listOpenPosts(
			db,
			parseFilters(new URLSearchParams()),
			viewerOf(db, carl.id),
			NOW,
			'en'
		);
		expect(list.items.map((p) => p.lang)).toEqual(['nl']);
	});
});
