import { describe, expect, it } from 'vitest';
import { auditLog, outbox, posts, reports } from '../db/schema';
import { eq } from 'drizzle-orm';
import { createPost, needsModeration, updatePost } from '../posts/create';
import { editablePost } from '../posts/form';
import { respond } from '../posts/responses';
import { openRequests } from '../matching/requests';
import { closePost, reopenPost } from '../posts/lifecycle';
import { grantBadge } from '../trust/grant';
import { setBrokerSettings } from './settings';
import { makePostInput } from '../testing/posts';
import { reportPost } from '../talk/safety';
import { approvePost, openReports, pendingPosts, resolveReport, todayCounts } from './moderation';
import { rejectPost } from './take-down';
import { MODERATION_NOW as NOW, ORIGIN, moderationWorld as world } from '../testing/broker';

describe('who waits for a check (neighbourhood setting)', () => {
	it('follows everyone / without a badge / nobody; brokers never wait', () => {
		const { db, ctx, newcomer, broker } = world();
		const set = (moderation: 'everyone' | 'without_badge' | 'nobody') =>
			setBrokerSettings(db, broker.id, ctx.hood.id, { moderation, noResponseDays: 3 }, NOW);
		expect(needsModeration(db, newcomer.id, NOW)).toBe(true);
		set('nobody');
		expect(needsModeration(db, newcomer.id, NOW)).toBe(false);
		const made = createPost(
			db,
			newcomer.id,
			makePostInput(ctx.category.id, { submissionKey: 'n' }),
			true,
			NOW
		);
		expect(made.ok && made.post.status).toBe('open');
		set('everyone');
		expect(needsModeration(db, newcomer.id, NOW)).toBe(true);
		expect(needsModeration(db, broker.id, NOW)).toBe(false);
		const audit = db
			.select()
			.from(auditLog)
			.all()
			.filter((a) => a.action === 'neighbourhood.broker_settings');
		expect(audit.map((a) => JSON.parse(a.detail).moderation.to)).toEqual(['nobody', 'everyone']);
	});
});

describe('moderation', () => {
	it('approves a waiting post onto the list and tells the poster', () => {
		const { db, ctx, broker, post } = world();
		const waiting = post('a');
		expect(waiting.status).toBe('pending');
		expect(pendingPosts(db, [ctx.hood.id]).map((p) => p.post.id)).toEqual([waiting.id]);
		expect(todayCounts(db, [ctx.hood.id], NOW).pending).toBe(1);
		const approved = approvePost(db, waiting.id, broker.id, ORIGIN, NOW + 1000)!;
		expect([approved.status, approved.publishedAt]).toEqual(['open', NOW + 1000]);
		expect(approved.expiresAt).toBe(NOW + 1000 + 30 * 86_400_000);
		expect(approvePost(db, waiting.id, broker.id, ORIGIN, NOW + 2000)).toBeNull();
		const mail = db.select().from(outbox).get()!;
		expect([mail.kind, mail.toAddress?.endsWith('@test.example')]).toEqual(['post_approved', true]);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['post.approve']);
	});

	it('takes a rejected post back in the queue once its poster changed it, then approves it', () => {
		const { db, ctx, newcomer, broker, post } = world();
		const waiting = post('r');
		rejectPost(db, waiting.id, broker.id, 'Zeg waar het is', ORIGIN, NOW);
		const rejected = editablePost(db, waiting.id, newcomer.id)!;
		expect(rejected.status).toBe('rejected');
		const changed = updatePost(
			db,
			rejected,
			makePostInput(ctx.category.id, {
				submissionKey: 'r',
				title: 'Lamp ophangen in de Kerkstraat'
			}),
			NOW + 1000
		);
		expect(changed.ok && [changed.post.status, changed.post.rejectionReason]).toEqual([
			'pending',
			'Zeg waar het is'
		]);
		expect(pendingPosts(db, [ctx.hood.id]).map((p) => p.post.title)).toEqual([
			'Lamp ophangen in de Kerkstraat'
		]);
		const approved = approvePost(db, waiting.id, broker.id, ORIGIN, NOW + 2000)!;
		expect([approved.status, approved.rejectionReason]).toEqual(['open', null]);
		// Someone else cannot change it.
		expect(editablePost(db, waiting.id, broker.id)).toBeNull();
	});

	it('lets a poster withdraw a rejected post; brought back, it waits for the check again', () => {
		const { db, newcomer, broker, post } = world();
		const waiting = post('w');
		rejectPost(db, waiting.id, broker.id, 'Geen hulpvraag', ORIGIN, NOW);
		const rejected = editablePost(db, waiting.id, newcomer.id)!;
		const closed = closePost(db, rejected, NOW + 1000)!;
		expect(closed.status).toBe('closed');
		// Even with a badge since, the rejected words are not published without the broker.
		grantBadge(
			db,
			{
				userId: newcomer.id,
				brokerId: broker.id,
				kind: 'met_in_person',
				checkedOn: '2026-11-24',
				note: 'Kennismaking.'
			},
			NOW + 2000
		);
		expect(needsModeration(db, newcomer.id, NOW + 3000)).toBe(false);
		const back = reopenPost(db, closed, NOW + 3000)!;
		expect([back.status, back.publishedAt]).toEqual(['pending', null]);
	});

	it('closes reports only in the broker’s own neighbourhoods', () => {
		const { db, ctx, broker, post, newcomer } = world();
		const p = post('c');
		approvePost(db, p.id, broker.id, ORIGIN, NOW);
		reportPost(db, newcomer.id, p.id, 'Vreemd bericht', NOW);
		const [report] = openReports(db, [ctx.hood.id]);
		expect(report!.postTitle).toBe(p.title);
		expect(resolveReport(db, report!.id, [ctx.hood.id + 1], broker.id, 'Nagekeken', NOW)).toBe(
			false
		);
		expect(resolveReport(db, report!.id, [ctx.hood.id], broker.id, 'Nagekeken', NOW)).toBe(true);
		expect(db.select().from(reports).get()!.status).toBe('resolved');
		expect(openReports(db, [ctx.hood.id])).toEqual([]);
	});

	it('counts requests nobody answered within the neighbourhood’s days', () => {
		const { db, ctx, broker, post } = world();
		const p = post('d');
		approvePost(db, p.id, broker.id, ORIGIN, NOW);
		const day = 86_400_000;
		// The default is three days.
		expect(todayCounts(db, [ctx.hood.id], NOW + 2 * day).unanswered).toBe(0);
		expect(todayCounts(db, [ctx.hood.id], NOW + 3 * day).unanswered).toBe(1);
		expect(
			openRequests(db, [ctx.hood.id], { unansweredAt: NOW + 3 * day }).map((r) => r.id)
		).toEqual([p.id]);
		expect(openRequests(db, [ctx.hood.id], { unansweredAt: NOW + 2 * day })).toEqual([]);
		// The brokers make it a week: no longer on Today after three days.
		setBrokerSettings(
			db,
			broker.id,
			ctx.hood.id,
			{ moderation: 'without_badge', noResponseDays: 7 },
			NOW
		);
		expect(todayCounts(db, [ctx.hood.id], NOW + 6 * day).unanswered).toBe(0);
		expect(todayCounts(db, [ctx.hood.id], NOW + 7 * day).unanswered).toBe(1);
		// A response takes it off.
		const helper = ctx.resident('Hanne');
		const published = db.select().from(posts).where(eq(posts.id, p.id)).get()!;
		expect(respond(db, published, helper.id, 'Ik kan helpen', NOW + day).ok).toBe(true);
		expect(todayCounts(db, [ctx.hood.id], NOW + 7 * day).unanswered).toBe(0);
	});
});

describe('editing', () => {
	it('approves with corrected words and tells the poster about the changes', () => {
		const { db, broker, post } = world();
		const waiting = post('edit');
		const approved = approvePost(db, waiting.id, broker.id, ORIGIN, NOW, {
			title: 'Lamp vervangen',
			body: 'De lamp boven het aanrecht is stuk.'
		})!;
		expect([approved.status, approved.title, approved.body]).toEqual([
			'open',
			'Lamp vervangen',
			'De lamp boven het aanrecht is stuk.'
		]);
		expect(db.select().from(outbox).get()!.textBody).toContain('kleine aanpassingen');
		const audit = db.select().from(auditLog).get()!;
		expect([audit.action, JSON.parse(audit.detail).edited]).toEqual(['post.approve', true]);
	});
});
