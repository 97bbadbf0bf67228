import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, posts, tasks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { describeTask } from '../tasks/describe';
import { createPost } from './create';
import {
	EXPIRY_WARNING_DAYS,
	STILL_NEEDED_GRACE_DAYS,
	checkStillNeededLink,
	useStillNeededLink,
	warnExpiringRequests
} from './expiry';
import { expireDuePosts } from './lifecycle';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { days } from '../calendar';

const ORIGIN = 'https://buurt.example';

function openRequest(email: string | null = 'rosa@test.example') {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	// Brokers skip moderation, so the request is open at once.
	const poster = ctx.resident('Rosa', { role: 'broker', email });
	const made = createPost(db, poster.id, makePostInput(ctx.category.id), true, 0);
	if (!made.ok) throw new Error('post');
	return { db, ctx, post: made.post };
}

const linkToken = (text: string) => /still-needed\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('the expiry warning', () => {
	it('mails the poster once, a few days before, with a link that renews the request once', () => {
		const { db, post } = openRequest();
		const expiresAt = post.expiresAt!;
		expect(warnExpiringRequests(db, expiresAt - days(EXPIRY_WARNING_DAYS) - 1, ORIGIN)).toBe(0);
		const warnAt = expiresAt - days(EXPIRY_WARNING_DAYS);
		expect(warnExpiringRequests(db, warnAt, ORIGIN)).toBe(1);
		expect(warnExpiringRequests(db, warnAt + 1000, ORIGIN)).toBe(0);

		const mails = db.select().from(outbox).all();
		expect(mails).toHaveLength(1);
		expect(mails[0]!.kind).toBe('post_expiring');
		expect(mails[0]!.toAddress).toBe('rosa@test.example');
		expect(mails[0]!.textBody).toContain(`${ORIGIN}/posts/${post.id}/still-needed/`);
		const token = linkToken(mails[0]!.textBody);

		expect(checkStillNeededLink(db, post.id, 'tampered', warnAt).ok).toBe(false);
		expect(checkStillNeededLink(db, post.id + 1, token, warnAt).ok).toBe(false);
		const used = useStillNeededLink(db, post.id, token, warnAt + days(1));
		expect(used.ok && used.post.expiresAt).toBe(warnAt + days(1) + days(30));
		expect(useStillNeededLink(db, post.id, token, warnAt + days(1))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// A new period brings a new warning.
		const again = db.select().from(posts).where(eq(posts.id, post.id)).get()!;
		expect(again.expiryWarnedAt).toBeNull();
		expect(warnExpiringRequests(db, again.expiresAt! - days(1), ORIGIN)).toBe(1);
	});

	it('brings an expired request back, but not after the grace period', () => {
		const { db, post } = openRequest();
		warnExpiringRequests(db, post.expiresAt! - days(2), ORIGIN);
		const token = linkToken(db.select().from(outbox).get()!.textBody);
		expireDuePosts(db, post.expiresAt!);
		expect(db.select().from(posts).get()!.status).toBe('expired');
		const late = post.expiresAt! + days(STILL_NEEDED_GRACE_DAYS) + 1;
		expect(useStillNeededLink(db, post.id, token, late)).toEqual({ ok: false, reason: 'expired' });
		const back = useStillNeededLink(db, post.id, token, post.expiresAt! + days(3));
		expect(back.ok && back.post.status).toBe('open');
	});

	it('becomes a call task for a poster without e-mail', () => {
		const { db, post } = openRequest(null);
		expect(warnExpiringRequests(db, post.expiresAt! - days(1), ORIGIN)).toBe(1);
		expect(db.select().from(outbox).all()).toHaveLength(0);
		const task = db.select().from(tasks).get()!;
		expect(task.kind).toBe('call_resident');
		expect(JSON.parse(task.details)).toMatchObject({ mailKind: 'post_expiring', postId: post.id });
	});

	it('reads as a call in the language of the broker who reads it', () => {
		const { db, post } = openRequest(null);
		warnExpiringRequests(db, post.expiresAt! - days(1), ORIGIN);
		const task = db.select().from(tasks).get()!;
		expect(describeTask(task, 'Rosa', 'en')).toEqual({
			subject: `Call Rosa: is "${post.title}" still needed?`,
			text: `The request "${post.title}" leaves the list within ${EXPIRY_WARNING_DAYS} days. Ask whether Rosa still needs help. Write below what Rosa answered.`
		});
		expect(describeTask(task, 'Rosa', 'nl').subject).toBe(
			`Bel Rosa: is "${post.title}" nog nodig?`
		);
	});
});
