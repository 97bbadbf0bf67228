import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox, posts, sessions, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from '../posts/create';
import { closePost } from '../posts/lifecycle';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { createSession } from '../auth/session';
import { suspendPerson, unsuspendPerson } from './suspension';

const NOW = Date.UTC(2026, 11, 1, 10);

describe('suspending a person', () => {
	it('signs them out, hides their public posts, tells them why, and lifting it restores exactly those', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const bea = ctx.resident('Bea', { role: 'broker' });
		// Posted as a broker (no moderation), then handed to Piet.
		const piet = ctx.resident('Piet Peeters', { email: 'piet@test.example' });
		const open = createPost(
			db,
			bea.id,
			makePostInput(ctx.category.id, { submissionKey: 'a' }),
			true,
			NOW
		);
		const closed = createPost(
			db,
			bea.id,
			makePostInput(ctx.category.id, { submissionKey: 'b' }),
			true,
			NOW
		);
		if (!open.ok || !closed.ok) throw new Error('post');
		db.update(posts).set({ authorId: piet.id }).run();
		closePost(db, closed.post, NOW);
		createSession(db, piet.id, NOW);

		const suspended = suspendPerson(db, piet.id, bea.id, 'Meerdere klachten', NOW)!;
		expect([suspended.status, suspended.statusReason]).toEqual(['suspended', 'Meerdere klachten']);
		expect(db.select().from(sessions).where(eq(sessions.userId, piet.id)).all()).toEqual([]);
		const status = (id: number) => db.select().from(posts).where(eq(posts.id, id)).get()!.status;
		expect([status(open.post.id), status(closed.post.id)]).toEqual(['hidden', 'closed']);
		const mail = db.select().from(outbox).get()!;
		expect([mail.toAddress, mail.kind]).toEqual(['piet@test.example', 'suspended']);
		expect(mail.textBody).toContain('Reden: Meerdere klachten');
		// Twice does nothing; a broker is never suspended this way.
		expect(suspendPerson(db, piet.id, bea.id, 'Nog eens', NOW)).toBeNull();
		expect(suspendPerson(db, bea.id, bea.id, 'Zelf', NOW)).toBeNull();

		const lifted = unsuspendPerson(db, piet.id, bea.id, NOW + 1000)!;
		expect([lifted.status, lifted.statusReason]).toEqual(['active', null]);
		expect([status(open.post.id), status(closed.post.id)]).toEqual(['open', 'closed']);
		expect(unsuspendPerson(db, piet.id, bea.id, NOW + 2000)).toBeNull();
		expect(
			db
				.select({ action: auditLog.action })
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['resident.suspend', 'resident.unsuspend']);
		expect(db.select().from(users).where(eq(users.id, piet.id)).get()!.status).toBe('active');
	});
});
