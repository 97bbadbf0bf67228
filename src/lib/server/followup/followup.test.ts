import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { followUpLinks, followUps, neighbourhoods, outbox, tasks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from '../posts/create';
import { acceptResponse, endMatch, respond } from '../posts/responses';
import { mailsTo } from '../testing/mail';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { days } from '../calendar';
import { brussels } from '../testing/dates';
import { describeTask } from '../tasks/describe';
import { answerOnBehalf, answerWithLink, checkFollowUpLink, linkNeighbourhood } from './answer';
import {
	LINK_VALID_DAYS,
	REMINDER_AFTER_DAYS,
	TASK_AFTER_REMINDER_DAYS,
	runFollowUps,
	sendDueFollowUps
} from './worker';

const ORIGIN = 'https://buurt.example';

/** A request by Rosa that Jan helps with, agreed at `agreedAt`. */
function agreedMatch(
	agreedAt: number,
	opts: { janEmail?: string | null; extra?: Parameters<typeof makePostInput>[1] } = {}
) {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	// Brokers skip moderation, so the request is open at once.
	const rosa = ctx.resident('Rosa Peeters', { role: 'broker', email: 'rosa@test.example' });
	const jan = ctx.resident('Jan Claes', {
		email: opts.janEmail === undefined ? 'jan@test.example' : opts.janEmail,
		locale: 'en'
	});
	const made = createPost(
		db,
		rosa.id,
		makePostInput(ctx.category.id, opts.extra),
		true,
		agreedAt - 1000
	);
	if (!made.ok) throw new Error('post');
	const r = respond(db, made.post, jan.id, 'Ik kan dinsdag', agreedAt - 500);
	if (!r.ok) throw new Error('respond');
	const accepted = acceptResponse(db, r.response.id, rosa.id, agreedAt);
	if (!accepted.ok) throw new Error('accept');
	return { db, ctx, rosa, jan, post: made.post, match: accepted.match };
}

const tokenIn = (text: string) => /\/follow-up\/([a-z2-7]+)/.exec(text)?.[1] ?? '';
describe('scheduling', () => {
	it('asks both sides at the agreed time plus 14 days, on the local clock across a summer-time change', () => {
		// Tuesday 20 October 2026, 10:00 in Brussels (summer time); summer time ends on 25 October.
		const agreedAt = brussels('2026-10-20', '10:00');
		const { db, rosa, jan } = agreedMatch(agreedAt);
		const rows = db.select().from(followUps).all();
		expect(rows.map((r) => r.userId).sort()).toEqual([rosa.id, jan.id].sort());
		const expected = brussels('2026-11-03', '10:00');
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.dueAt === expected)).toBe(true);
		// Fourteen times 24 hours would be 09:00 local time: one hour early.
		expect(expected - agreedAt).toBe(days(14) + 60 * 60 * 1000);

		expect(sendDueFollowUps(db, expected - 1, ORIGIN)).toBe(0);
		expect(sendDueFollowUps(db, expected, ORIGIN)).toBe(2);
		expect(sendDueFollowUps(db, expected + 60_000, ORIGIN)).toBe(0);
		expect(db.select().from(outbox).all()).toHaveLength(2);
	});

	it("uses the neighbourhood's own delay", () => {
		const agreedAt = brussels('2026-03-02', '09:00');
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		db.update(neighbourhoods)
			.set({ followUpDelayDays: 21 })
			.where(eq(neighbourhoods.id, ctx.hood.id))
			.run();
		const rosa = ctx.resident('Rosa', { role: 'broker' });
		const jan = ctx.resident('Jan');
		const made = createPost(db, rosa.id, makePostInput(ctx.category.id), true, agreedAt - 1000);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, jan.id, 'Graag', agreedAt - 500);
		if (!r.ok) throw new Error('respond');
		acceptResponse(db, r.response.id, rosa.id, agreedAt);
		const due = db.select({ dueAt: followUps.dueAt }).from(followUps).all();
		expect(due).toHaveLength(2);
		expect(due.every((d) => d.dueAt === brussels('2026-03-23', '09:00'))).toBe(true);
	});
});

describe('the follow-up mail', () => {
	it("gives the neighbourhood's phone number, and its page finds that neighbourhood", () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db, ctx } = agreedMatch(agreedAt);
		db.update(neighbourhoods)
			.set({ phoneDutyNumber: '0470 11 22 33' })
			.where(eq(neighbourhoods.id, ctx.hood.id))
			.run();
		runFollowUps(db, agreedAt + days(14), ORIGIN);
		const [toJan] = mailsTo(db, 'jan@test.example');
		expect(toJan!.textBody).toContain(': 0470 11 22 33.');
		expect(linkNeighbourhood(db, tokenIn(toJan!.textBody))).toBe(ctx.hood.id);
		expect(linkNeighbourhood(db, 'a'.repeat(32))).toBeNull();
	});

	it("is in each person's language, with a personal link that only stores its hash", () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db } = agreedMatch(agreedAt);
		const dueAt = agreedAt + days(14);
		runFollowUps(db, dueAt, ORIGIN);
		const [toJan] = mailsTo(db, 'jan@test.example');
		const [toRosa] = mailsTo(db, 'rosa@test.example');
		expect(toJan!.subject).toBe('How did it go with Rosa?');
		expect(toRosa!.subject).toBe('Hoe ging het met Jan?');
		expect(toJan!.kind).toBe('follow_up');
		const token = tokenIn(toJan!.textBody);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const stored = db.select().from(followUpLinks).all();
		expect(stored).toHaveLength(2);
		expect(stored.some((l) => l.tokenHash === token)).toBe(false);
		expect(stored[0]!.expiresAt).toBe(dueAt + days(LINK_VALID_DAYS));
	});

	it('asks how it ended when the match ended before the follow-up was due', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db, rosa, match } = agreedMatch(agreedAt);
		endMatch(db, match.id, rosa.id, 'cancelled', 'Ik ben verhuisd', agreedAt + days(2));
		expect(sendDueFollowUps(db, agreedAt + days(14), ORIGIN)).toBe(2);
		const [toRosa] = mailsTo(db, 'rosa@test.example');
		expect(toRosa!.textBody).toContain('is voorbij. Hoe ging het?');
		expect(db.select().from(followUps).all()).toHaveLength(2);
		expect(
			db
				.select()
				.from(followUps)
				.all()
				.every((f) => f.aboutEnd)
		).toBe(true);
	});

	it('comes every period for an ongoing match, until it ends', () => {
		const agreedAt = brussels('2026-01-06', '10:00');
		const { db, rosa, match } = agreedMatch(agreedAt, {
			extra: { whenType: 'recurring', recurringDay: 2, recurringPart: 'morning' }
		});
		const first = brussels('2026-01-20', '10:00');
		expect(sendDueFollowUps(db, first, ORIGIN)).toBe(2);
		const second = brussels('2026-02-03', '10:00');
		expect(sendDueFollowUps(db, second - 1, ORIGIN)).toBe(0);
		expect(sendDueFollowUps(db, second, ORIGIN)).toBe(2);
		expect(mailsTo(db, 'rosa@test.example').at(-1)!.textBody).toContain('Hoe gaat het?');
		endMatch(db, match.id, rosa.id, 'done', null, second + days(1));
		// The round already planned still asks, about the end; no round after it.
		expect(sendDueFollowUps(db, brussels('2026-02-17', '10:00'), ORIGIN)).toBe(2);
		expect(sendDueFollowUps(db, brussels('2026-03-31', '10:00'), ORIGIN)).toBe(0);
		expect(db.select().from(followUps).all()).toHaveLength(6);
	});

	it('reads as a call in the language of the broker who reads it', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db, jan } = agreedMatch(agreedAt, { janEmail: null });
		runFollowUps(db, agreedAt + days(14), ORIGIN);
		const call = db.select().from(tasks).where(eq(tasks.subjectUserId, jan.id)).get()!;
		expect(describeTask(call, 'Jan', 'en').subject).toBe('Call Jan: how did it go with Rosa?');
		expect(describeTask(call, 'Jan', 'nl')).toMatchObject({
			subject: 'Bel Jan: hoe ging het met Rosa?',
			text: expect.stringContaining('Twee weken geleden')
		});
	});

	it('becomes a call task for someone without e-mail, and the broker enters the answer', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db, jan, rosa } = agreedMatch(agreedAt, { janEmail: null });
		const dueAt = agreedAt + days(14);
		runFollowUps(db, dueAt, ORIGIN);
		const call = db.select().from(tasks).where(eq(tasks.subjectUserId, jan.id)).get()!;
		expect(call.kind).toBe('call_resident');
		const mine = db.select().from(followUps).where(eq(followUps.userId, jan.id)).get()!;
		expect(JSON.parse(call.details)).toMatchObject({ mailKind: 'follow_up', followUpId: mine.id });
		// What the broker reads out asks the question, and says nothing of a link she does not have.
		const { text } = describeTask(call, 'Jan', 'en');
		expect(text).toContain('Two weeks ago you and Rosa agreed to help each other');
		expect(text).not.toMatch(/link|e-mail/i);
		// No reminder and no second task: the call is the reminder.
		runFollowUps(db, dueAt + days(REMINDER_AFTER_DAYS + TASK_AFTER_REMINDER_DAYS + 1), ORIGIN);
		expect(db.select().from(tasks).where(eq(tasks.subjectUserId, jan.id)).all()).toHaveLength(1);

		const answer = { outcome: 'went_well', continuation: 'yes', comment: 'Fijne man' } as const;
		expect(answerOnBehalf(db, mine.id, rosa.id, answer, dueAt + days(1))).toBe(true);
		expect(answerOnBehalf(db, mine.id, rosa.id, answer, dueAt + days(2))).toBe(false);
		const saved = db.select().from(followUps).where(eq(followUps.id, mine.id)).get()!;
		expect(saved).toMatchObject({
			outcome: 'went_well',
			answeredById: rosa.id,
			comment: 'Fijne man'
		});
		// The call task is done with it.
		const done = db.select().from(tasks).where(eq(tasks.id, call.id)).get()!;
		expect([done.doneAt, done.outcome]).toEqual([dueAt + days(1), 'answered']);
	});
});

describe('reminder and task', () => {
	it('reminds once after 4 days, then puts a task on Today 4 days later', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db, jan } = agreedMatch(agreedAt);
		const sentAt = agreedAt + days(14);
		runFollowUps(db, sentAt, ORIGIN);
		const reminders = () =>
			db.select().from(outbox).where(eq(outbox.kind, 'follow_up_reminder')).all();
		runFollowUps(db, sentAt + days(REMINDER_AFTER_DAYS) - 1, ORIGIN);
		expect(reminders()).toHaveLength(0);
		runFollowUps(db, sentAt + days(REMINDER_AFTER_DAYS), ORIGIN);
		expect(reminders()).toHaveLength(2);
		runFollowUps(db, sentAt + days(REMINDER_AFTER_DAYS) + days(1), ORIGIN);
		expect(reminders()).toHaveLength(2);
		// The reminder carries a new link; the first one still works too.
		const first = tokenIn(mailsTo(db, 'jan@test.example')[0]!.textBody);
		const second = tokenIn(mailsTo(db, 'jan@test.example')[1]!.textBody);
		expect(second).not.toBe(first);
		const at = sentAt + days(REMINDER_AFTER_DAYS) + days(1);
		expect(checkFollowUpLink(db, first, at).ok).toBe(true);
		expect(checkFollowUpLink(db, second, at).ok).toBe(true);

		const openTasks = () =>
			db
				.select()
				.from(tasks)
				.where(and(eq(tasks.kind, 'follow_up_no_answer'), isNull(tasks.doneAt)))
				.all();
		const remindedAt = sentAt + days(REMINDER_AFTER_DAYS);
		runFollowUps(db, remindedAt + days(TASK_AFTER_REMINDER_DAYS) - 1, ORIGIN);
		expect(openTasks()).toHaveLength(0);
		runFollowUps(db, remindedAt + days(TASK_AFTER_REMINDER_DAYS), ORIGIN);
		expect(openTasks()).toHaveLength(2);
		runFollowUps(db, remindedAt + days(TASK_AFTER_REMINDER_DAYS + 1), ORIGIN);
		expect(openTasks()).toHaveLength(2);

		// A late answer closes that side's task.
		const answered = answerWithLink(
			db,
			first,
			{ outcome: 'went_well', continuation: 'no', comment: '' },
			remindedAt + days(TASK_AFTER_REMINDER_DAYS + 2)
		);
		expect(answered.ok).toBe(true);
		expect(openTasks().map((t) => t.subjectUserId)).not.toContain(jan.id);
		expect(openTasks()).toHaveLength(1);
	});

	it('sends nothing more to someone who answered', () => {
		const agreedAt = brussels('2026-05-05', '14:00');
		const { db } = agreedMatch(agreedAt);
		const sentAt = agreedAt + days(14);
		runFollowUps(db, sentAt, ORIGIN);
		const token = tokenIn(mailsTo(db, 'jan@test.example')[0]!.textBody);
		answerWithLink(
			db,
			token,
			{ outcome: 'went_well', continuation: 'yes', comment: '' },
			sentAt + 1
		);
		runFollowUps(db, sentAt + days(20), ORIGIN);
		expect(mailsTo(db, 'jan@test.example')).toHaveLength(1);
		expect(mailsTo(db, 'rosa@test.example')).toHaveLength(2);
	});
});

describe('the personal link', () => {
	function sentFollowUp() {
		const agreedAt = brussels('2026-05-05', '14:00');
		const ctx = agreedMatch(agreedAt);
		const sentAt = agreedAt + days(14);
		sendDueFollowUps(ctx.db, sentAt, ORIGIN);
		const token = tokenIn(mailsTo(ctx.db, 'jan@test.example')[0]!.textBody);
		return { ...ctx, sentAt, token };
	}

	it('works once: a second answer changes nothing', () => {
		const { db, sentAt, token, jan } = sentFollowUp();
		const first = answerWithLink(
			db,
			token,
			{ outcome: 'partly', continuation: 'yes', comment: 'Hij kwam te laat' },
			sentAt + 1000
		);
		expect(first.ok).toBe(true);
		const again = answerWithLink(
			db,
			token,
			{ outcome: 'went_well', continuation: 'no', comment: 'Toch goed' },
			sentAt + 2000
		);
		expect(again).toEqual({ ok: false, reason: 'answered' });
		const saved = db.select().from(followUps).where(eq(followUps.userId, jan.id)).get()!;
		expect(saved).toMatchObject({
			outcome: 'partly',
			comment: 'Hij kwam te laat',
			answeredAt: sentAt + 1000,
			answeredById: null
		});
	});

	it('expires after 30 days and refuses a tampered token, changing nothing', () => {
		const { db, sentAt, token } = sentFollowUp();
		const answer = { outcome: 'went_well', continuation: 'yes', comment: '' } as const;
		const expired = sentAt + days(LINK_VALID_DAYS);
		expect(checkFollowUpLink(db, token, expired - 1).ok).toBe(true);
		expect(answerWithLink(db, token, answer, expired)).toEqual({ ok: false, reason: 'expired' });
		const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(answerWithLink(db, tampered, answer, sentAt + 1)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(answerWithLink(db, '../../etc', answer, sentAt + 1)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(db.select().from(followUps).all()).toHaveLength(2);
		expect(
			db
				.select()
				.from(followUps)
				.all()
				.every((f) => f.answeredAt === null)
		).toBe(true);
	});

	it('puts a worrying answer on Today at once, with the comment', () => {
		const { db, sentAt, token, jan } = sentFollowUp();
		answerWithLink(
			db,
			token,
			{ outcome: 'call_me', continuation: 'no', comment: 'Bel me aub na 18u' },
			sentAt + 1000
		);
		const task = db.select().from(tasks).where(eq(tasks.kind, 'follow_up_attention')).get()!;
		expect(task.subjectUserId).toBe(jan.id);
		expect(task.dueAt).toBe(sentAt + 1000);
		expect(JSON.parse(task.details)).toMatchObject({
			outcome: 'call_me',
			comment: 'Bel me aub na 18u',
			other: 'Rosa'
		});
	});

	it('does not bother the broker when it went well', () => {
		const { db, sentAt, token } = sentFollowUp();
		answerWithLink(db, token, { outcome: 'went_well', continuation: 'yes', comment: '' }, sentAt);
		expect(db.select().from(tasks).all()).toHaveLength(0);
	});
});
