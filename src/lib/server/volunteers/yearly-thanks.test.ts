import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	gatherings,
	gatheringSignups,
	matches,
	outbox,
	volunteerThanks,
	type User
} from '../db/schema';
import type { DB } from '../db/client';
import { createTestDb } from '../db/test-db';
import { days } from '../calendar';
import { brussels } from '../testing/dates';
import { makeHelpWorld } from '../testing/volunteer-hours';
import { recordGoodbye } from './goodbye';
import { sendYearlyThanks, volunteerCounts } from './yearly-thanks';

const DAY_OF_2026 = brussels('2026-12-05', '10:00');

/** The yearly thank-yous in the outbox for one person. */
const yearlyTo = (db: DB, userId: string) =>
	db
		.select()
		.from(outbox)
		.where(and(eq(outbox.userId, userId), eq(outbox.kind, 'volunteer_thanks_yearly')))
		.all();

function attended(db: DB, hoodId: number, person: User, startsAt: number) {
	const g = db
		.insert(gatherings)
		.values({
			neighbourhoodId: hoodId,
			kind: 'intervision',
			place: 'Buurthuis',
			startsAt,
			endsAt: startsAt + 2 * 3_600_000,
			audience: 'volunteers',
			createdAt: startsAt - days(30)
		})
		.returning()
		.all()[0]!;
	db.insert(gatheringSignups)
		.values({
			gatheringId: g.id,
			userId: person.id,
			status: 'signed_up',
			createdAt: startsAt - days(10),
			attended: true
		})
		.run();
}

/**
 * Jan (English) helped twice this year and told 1.5 hours; Fatima (Arabic) came to one
 * intervision; Piet helped only two years ago; Sofie helped but stopped.
 */
function world() {
	const db = createTestDb();
	const w = makeHelpWorld(db);
	const jan = w.resident('Jan Claes', { email: 'jan@test.example', locale: 'en' });
	const fatima = w.resident('Fatima Amrani', { email: 'fatima@test.example', locale: 'ar' });
	const piet = w.resident('Piet Maes', { email: 'piet@test.example' });
	const sofie = w.resident('Sofie Wouters', { email: 'sofie@test.example' });
	const a = w.helped(jan, brussels('2026-03-10'));
	w.helped(jan, brussels('2026-09-01'));
	w.answered(a.match.id, jan.id, brussels('2026-03-24'), 90);
	attended(db, w.hood.id, fatima, brussels('2026-10-15', '19:00'));
	const old = w.helped(piet, brussels('2024-10-01'));
	w.answered(old.match.id, piet.id, brussels('2024-10-15'), 60);
	db.update(matches)
		.set({ status: 'done', endedAt: brussels('2024-11-01') })
		.where(eq(matches.id, old.match.id))
		.run();
	w.helped(sofie, brussels('2026-06-01'));
	recordGoodbye(
		db,
		{ userId: sofie.id, brokerId: w.rosa.id, reason: 'moved', note: '' },
		'https://buurt.example',
		brussels('2026-11-01')
	);
	return { db, w, jan, fatima, piet, sofie };
}

describe('the yearly thank-you on International Volunteer Day', () => {
	it('counts what each volunteer did in the twelve months before', () => {
		const { db, jan, fatima, piet } = world();
		const counts = volunteerCounts(
			db,
			[jan.id, fatima.id, piet.id],
			brussels('2025-12-05', '00:00'),
			DAY_OF_2026
		);
		expect(counts.get(jan.id)).toEqual({ matches: 2, minutes: 90, gatherings: 0 });
		expect(counts.get(fatima.id)).toEqual({ matches: 0, minutes: 0, gatherings: 1 });
		expect(counts.get(piet.id)).toEqual({ matches: 0, minutes: 0, gatherings: 0 });
	});

	it('sends nothing before the day, nor at night on the day itself', () => {
		const { db } = world();
		expect(sendYearlyThanks(db, brussels('2026-12-04', '12:00'))).toBe(0);
		expect(sendYearlyThanks(db, brussels('2026-12-05', '07:30'))).toBe(0);
		expect(db.select().from(volunteerThanks).all()).toEqual([]);
	});

	it('thanks each volunteer who helped once, even when the job runs again or the next day', () => {
		const { db, jan, fatima, piet, sofie } = world();
		expect(sendYearlyThanks(db, DAY_OF_2026)).toBe(2);
		expect(sendYearlyThanks(db, DAY_OF_2026 + 3_600_000)).toBe(0);
		expect(sendYearlyThanks(db, brussels('2026-12-06', '10:00'))).toBe(0);
		expect(yearlyTo(db, jan.id)).toHaveLength(1);
		expect(yearlyTo(db, fatima.id)).toHaveLength(1);
		// Piet did nothing this year; Sofie stopped, and a goodbye is not followed by a thank-you mail.
		expect(yearlyTo(db, piet.id)).toEqual([]);
		expect(yearlyTo(db, sofie.id)).toEqual([]);
		expect(
			db
				.select({
					user: volunteerThanks.userId,
					kind: volunteerThanks.kind,
					year: volunteerThanks.year
				})
				.from(volunteerThanks)
				.all()
		).toEqual(
			expect.arrayContaining([
				{ user: jan.id, kind: 'yearly', year: 2026 },
				{ user: fatima.id, kind: 'yearly', year: 2026 }
			])
		);
		// The next year it comes again, once.
		expect(sendYearlyThanks(db, brussels('2027-12-05', '10:00'))).toBe(1);
		expect(yearlyTo(db, jan.id)).toHaveLength(2);
	});

	it("writes each person's own count in their own language", () => {
		const { db, jan, fatima } = world();
		sendYearlyThanks(db, DAY_OF_2026);
		const [toJan] = yearlyTo(db, jan.id);
		expect(toJan!.locale).toBe('en');
		expect(toJan!.subject).toBe('Thank you, from your neighbourhood');
		expect(toJan!.textBody).toContain('You helped someone in the neighbourhood 2 times.');
		expect(toJan!.textBody).toContain('You gave 1.5 hours of your time.');
		expect(toJan!.textBody).not.toContain('gathering');
		const [toFatima] = yearlyTo(db, fatima.id);
		expect(toFatima!.locale).toBe('ar');
		expect(toFatima!.subject).toBe('شكرًا لك، من حيّك');
		expect(toFatima!.textBody).toContain('حضرت لقاءً واحدًا.');
		expect(toFatima!.textBody).not.toContain('ساعدت');
	});
});
