import { describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../db/schema';
import { approvePost } from './moderation';
import { hidePost, rejectPost, restorePost } from './take-down';
import { MODERATION_NOW as NOW, ORIGIN, moderationWorld as world } from '../testing/broker';

describe('rejecting', () => {
	it('rejects with a reason the poster reads', () => {
		const { db, broker, post } = world();
		const waiting = post('b');
		const rejected = rejectPost(
			db,
			waiting.id,
			broker.id,
			'Dit is werk voor een loodgieter',
			ORIGIN,
			NOW
		)!;
		expect([rejected.status, rejected.rejectionReason]).toEqual([
			'rejected',
			'Dit is werk voor een loodgieter'
		]);
		expect(db.select().from(outbox).get()!.textBody).toContain('Dit is werk voor een loodgieter');
	});
});

describe('hiding and restoring', () => {
	it('hides a published post with a reason the poster reads, and restores it', () => {
		const { db, broker, post } = world();
		const published = approvePost(db, post('hide').id, broker.id, ORIGIN, NOW)!;
		// A waiting post cannot be hidden: it is not public.
		expect(hidePost(db, post('other').id, broker.id, 'Nee', ORIGIN, NOW)).toBeNull();
		const hidden = hidePost(
			db,
			published.id,
			broker.id,
			'Er staat een telefoonnummer in.',
			ORIGIN,
			NOW
		)!;
		expect([hidden.status, hidden.rejectionReason]).toEqual([
			'hidden',
			'Er staat een telefoonnummer in.'
		]);
		expect(hidePost(db, published.id, broker.id, 'Nog eens', ORIGIN, NOW)).toBeNull();
		const mails = db.select().from(outbox).all();
		expect(mails.at(-1)!.textBody).toContain('Reden: Er staat een telefoonnummer in.');
		const restored = restorePost(db, published.id, broker.id, NOW + 1000)!;
		expect([restored.status, restored.rejectionReason]).toEqual(['open', null]);
		expect(restorePost(db, published.id, broker.id, NOW + 2000)).toBeNull();
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['post.approve', 'post.hide', 'post.restore']);
	});
});
