import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, matchProposals, outbox, trustBadges, volunteerGoodbyes } from '../db/schema';
import type { DB } from '../db/client';
import { createTestDb } from '../db/test-db';
import { days } from '../calendar';
import { brussels } from '../testing/dates';
import { makeHelpWorld } from '../testing/volunteer-hours';
import { recordGoodbye, recordReturn, runningMatchesOf } from './goodbye';
import { isVolunteer } from './who';

const ORIGIN = 'https://buurt.example';
const NOW = brussels('2026-11-20', '11:00');

const mailsOf = (db: DB, userId: string) =>
	db.select().from(outbox).where(eq(outbox.userId, userId)).all();

/** Jan helps in one running match, holds three badges and waits for one proposal. */
function world() {
	const db = createTestDb();
	const w = makeHelpWorld(db);
	const jan = w.resident('Jan Claes', { email: 'jan@test.example', locale: 'en' });
	const running = w.helped(jan, NOW - days(20));
	const badge = (kind: 'good_conduct' | 'met_in_person' | 'training', expiresAt: number | null) =>
		db
			.insert(trustBadges)
			.values({
				userId: jan.id,
				kind,
				grantedAt: NOW - days(400),
				expiresAt,
				grantedById: w.rosa.id
			})
			.returning()
			.all()[0]!;
	const certificate = badge('good_conduct', NOW + days(200));
	const met = badge('met_in_person', null);
	const oldTraining = badge('training', NOW - days(5));
	// The broker proposed Jan for another request.
	const { post } = w.helped(w.resident('Mia Peeters'), NOW - days(1));
	const proposal = db
		.insert(matchProposals)
		.values({ postId: post.id, helperId: jan.id, brokerId: w.rosa.id, createdAt: NOW - days(1) })
		.returning()
		.all()[0]!;
	db.delete(outbox).run();
	return { db, w, jan, running, certificate, met, oldTraining, proposal };
}

const goodbye = (ctx: ReturnType<typeof world>, note = 'Verhuist naar Gent') =>
	recordGoodbye(
		ctx.db,
		{ userId: ctx.jan.id, brokerId: ctx.w.rosa.id, reason: 'moved', note },
		ORIGIN,
		NOW
	);

describe('saying goodbye to a volunteer', () => {
	it('records why, ends the badges that need renewal quietly, withdraws proposals', () => {
		const ctx = world();
		const { db, jan } = ctx;
		expect(isVolunteer(db, jan.id)).toBe(true);
		expect(goodbye(ctx)).toMatchObject({ ok: true, badgesEnded: 1, proposalsWithdrawn: 1 });
		expect(db.select().from(volunteerGoodbyes).all()).toMatchObject([
			{
				userId: jan.id,
				reason: 'moved',
				note: 'Verhuist naar Gent',
				stoppedAt: NOW,
				resumedAt: null
			}
		]);
		const badge = (id: number) =>
			db.select().from(trustBadges).where(eq(trustBadges.id, id)).get()!;
		expect(badge(ctx.certificate.id)).toMatchObject({ revokedAt: NOW, revokedById: ctx.w.rosa.id });
		expect(badge(ctx.certificate.id).revokeReason).toContain('Afscheid als vrijwilliger');
		// A badge without expiry stays; one that expired already is not touched again.
		expect(badge(ctx.met.id).revokedAt).toBeNull();
		expect(badge(ctx.oldTraining.id).revokedAt).toBeNull();
		expect(
			db.select().from(matchProposals).where(eq(matchProposals.id, ctx.proposal.id)).get()!.status
		).toBe('withdrawn');
		// No longer a volunteer; the running match stays, for the broker to hand over.
		expect(isVolunteer(db, jan.id)).toBe(false);
		expect(runningMatchesOf(db, jan.id).map((r) => r.postId)).toEqual([ctx.running.post.id]);
	});

	it('sends one kind message in their language, not a "badge revoked" mail', () => {
		const ctx = world();
		goodbye(ctx);
		const mails = mailsOf(ctx.db, ctx.jan.id);
		expect(mails.map((m) => m.kind)).toEqual(['volunteer_goodbye']);
		expect(mails[0]!.locale).toBe('en');
		expect(mails[0]!.subject).toBe('Thank you for your help');
		expect(mails[0]!.textBody).toContain('You are always welcome');
		expect(mails[0]!.textBody).toContain('certificate of good conduct');
		// The confidential note is never in the message.
		expect(mails[0]!.textBody).not.toContain('Gent');
	});

	it('is audited without the note, and happens once until the person comes back', () => {
		const ctx = world();
		goodbye(ctx);
		expect(goodbye(ctx)).toEqual({ ok: false, error: 'already_stopped' });
		const audit = ctx.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'volunteer.goodbye'), eq(auditLog.subjectId, ctx.jan.id)))
			.all();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0]!.detail)).toMatchObject({ reason: 'moved', running: 1 });
		expect(audit[0]!.detail).not.toContain('Gent');
	});

	it('lets the person come back: a volunteer again, and a new goodbye is possible', () => {
		const ctx = world();
		const input = { userId: ctx.jan.id, brokerId: ctx.w.rosa.id };
		expect(recordReturn(ctx.db, input, NOW)).toEqual({ ok: false, error: 'not_stopped' });
		goodbye(ctx);
		expect(recordReturn(ctx.db, input, NOW + days(30))).toEqual({ ok: true });
		expect(isVolunteer(ctx.db, ctx.jan.id)).toBe(true);
		expect(
			ctx.db.select().from(auditLog).where(eq(auditLog.action, 'volunteer.resume')).all()
		).toHaveLength(1);
		expect(goodbye(ctx)).toMatchObject({ ok: true });
	});
});
