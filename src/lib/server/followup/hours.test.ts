import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { followUps } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { days } from '../calendar';
import { brussels } from '../testing/dates';
import { mailsTo } from '../testing/mail';
import { makeHelpWorld } from '../testing/volunteer-hours';
import { answerOnBehalf, answerWithLink, asksHelper } from './answer';
import { sendDueFollowUps } from './worker';

const ORIGIN = 'https://buurt.example';
const T = brussels('2026-05-05', '14:00');
const tokenIn = (text: string) => /\/follow-up\/([a-z2-7]+)/.exec(text)?.[1] ?? '';

/** Jan helped Rosa (a request estimated at 2 hours); both were asked how it went. */
function asked() {
	const db = createTestDb();
	const w = makeHelpWorld(db);
	const jan = w.resident('Jan Claes', { email: 'jan@test.example' });
	const { match } = w.helped(jan, T, 120);
	const sentAt = T + days(14);
	sendDueFollowUps(db, sentAt, ORIGIN);
	const token = (email: string) => tokenIn(mailsTo(db, email)[0]!.textBody);
	const row = (userId: string) =>
		db.select().from(followUps).where(eq(followUps.userId, userId)).get()!;
	return { db, w, jan, match, sentAt, token, row };
}

describe('hours in the follow-up', () => {
	it("asks only the helper, and keeps the helper's answer in minutes", () => {
		const { db, w, jan, sentAt, token, row } = asked();
		expect(asksHelper(db, row(jan.id))).toBe(true);
		expect(asksHelper(db, row(w.rosa.id))).toBe(false);
		const answer = { outcome: 'went_well', continuation: 'yes', comment: '' } as const;
		answerWithLink(db, token('jan@test.example'), { ...answer, minutes: 150 }, sentAt + 1);
		expect(row(jan.id).minutes).toBe(150);
		// A form of the person helped sends no hours; if one is sent anyway, it is not kept.
		answerWithLink(db, token('rosa@test.example'), { ...answer, minutes: 60 }, sentAt + 2);
		expect(row(w.rosa.id)).toMatchObject({ outcome: 'went_well', minutes: null });
	});

	it('keeps no hours when not said, or when the help did not happen', () => {
		const first = asked();
		answerWithLink(
			first.db,
			first.token('jan@test.example'),
			{ outcome: 'went_well', continuation: 'yes', comment: '', minutes: null },
			first.sentAt
		);
		expect(first.row(first.jan.id)).toMatchObject({ outcome: 'went_well', minutes: null });
		const second = asked();
		answerWithLink(
			second.db,
			second.token('jan@test.example'),
			{ outcome: 'did_not_happen', continuation: null, comment: '', minutes: 120 },
			second.sentAt
		);
		expect(second.row(second.jan.id)).toMatchObject({ outcome: 'did_not_happen', minutes: null });
	});

	it('keeps the hours a broker types in for the helper', () => {
		const { db, w, jan, sentAt, row } = asked();
		const saved = answerOnBehalf(
			db,
			row(jan.id).id,
			w.rosa.id,
			{ outcome: 'went_well', continuation: 'no', comment: '', minutes: 45 },
			sentAt
		);
		expect(saved).toBe(true);
		expect(row(jan.id)).toMatchObject({ minutes: 45, answeredById: w.rosa.id });
	});
});
