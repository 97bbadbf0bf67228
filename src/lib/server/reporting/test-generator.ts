import { and, eq } from 'drizzle-orm';
import type { FollowUpOutcome } from '$lib/followup';
import type { DB } from '../db/client';
import { categories, followUps, matches, trustBadges, users } from '../db/schema';
import { answerOnBehalf } from '../followup/answer';
import { sendDueFollowUps } from '../followup/worker';
import { createPost } from '../posts/create';
import { acceptResponse, declineResponse, endMatch, respond } from '../posts/responses';
import { input, setUp } from '../posts/test-fixtures';
import { localInstant } from '../posts/timing';

const TZ = 'Europe/Brussels';
const HOUR = 3_600_000;
export const at = (date: string, time = '10:00') => localInstant(date, time, TZ);

/**
 * A small neighbourhood year (2026, Brussels time) with known answers, made through the real
 * posting and matching rules. The expected figures are in reporting.test.ts.
 */
export function generateReportingYear(db: DB) {
	const ctx = setUp(db);
	const garden = db.select().from(categories).where(eq(categories.slug, 'garden')).get()!;
	const rosa = ctx.resident('Rosa');
	// A badge, so Rosa's posts are open at once (no broker check in the way).
	db.insert(trustBadges).values({ userId: rosa.id, kind: 'met_in_person', grantedAt: 0 }).run();
	const jan = ctx.resident('Jan');
	const piet = ctx.resident('Piet');
	const kees = ctx.resident('Kees');
	const broker = ctx.resident('Bea', { role: 'broker' });
	let key = 0;
	const request = (
		when: number,
		categoryId = ctx.category.id,
		kind: 'request' | 'offer' = 'request'
	) => {
		const made = createPost(
			db,
			rosa.id,
			input(categoryId, { kind, submissionKey: `k${key++}` }),
			true,
			when
		);
		if (!made.ok || made.post.status !== 'open') throw new Error('generator: post not open');
		return made.post;
	};
	const answer = (post: ReturnType<typeof request>, helperId: string, when: number) => {
		const r = respond(db, post, helperId, 'Ik kan helpen.', when);
		if (!r.ok) throw new Error(`generator: respond ${r.error}`);
		return r.response;
	};
	const accept = (responseId: number, actorId: string, when: number) => {
		const m = acceptResponse(db, responseId, actorId, when);
		if (!m.ok) throw new Error('generator: accept');
		return m.match;
	};

	// Just after midnight on 1 January in Brussels (still 31 December in UTC): counts for 2026.
	request(at('2026-01-01', '00:30'));
	// Just before midnight on 31 December 2025 in Brussels: does not count.
	request(at('2025-12-31', '23:30'));

	const r1 = request(at('2026-01-10'));
	const m1 = accept(
		answer(r1, jan.id, at('2026-01-10', '11:00')).id,
		rosa.id,
		at('2026-01-10') + 48 * HOUR
	);
	endMatch(db, m1.id, jan.id, 'done', null, at('2026-02-02'));

	const r2 = request(at('2026-01-20'));
	accept(answer(r2, piet.id, at('2026-01-21')).id, rosa.id, at('2026-01-20') + 240 * HOUR);

	request(at('2026-01-15'), garden.id, 'offer');

	const r3 = request(at('2026-02-05'));
	declineResponse(db, answer(r3, kees.id, at('2026-02-06')).id, at('2026-02-07'));

	request(at('2026-03-01'));

	const r6 = request(at('2026-04-01'));
	const m6 = accept(
		answer(r6, kees.id, at('2026-04-01', '12:00')).id,
		broker.id,
		at('2026-04-01') + 24 * HOUR
	);
	endMatch(db, m6.id, kees.id, 'done', null, at('2026-04-10'));

	// Follow-ups two weeks after each match, answered by the broker from phone calls:
	// Jan and Rosa (r1) went well; on r2 Rosa says partly and Piet never answers; on r6 Kees asks
	// to be called and Rosa says it did not happen.
	for (const due of ['2026-01-26', '2026-02-13', '2026-04-16'])
		sendDueFollowUps(db, at(due, '23:00'), 'https://buurt.example');
	const followUp = (matchId: number, userId: string) =>
		db
			.select()
			.from(followUps)
			.where(and(eq(followUps.matchId, matchId), eq(followUps.userId, userId)))
			.get()!.id;
	const m2 = db.select().from(matches).where(eq(matches.postId, r2.id)).get()!;
	const answers: [number, string, FollowUpOutcome][] = [
		[m1.id, jan.id, 'went_well'],
		[m1.id, rosa.id, 'went_well'],
		[m2.id, rosa.id, 'partly'],
		[m6.id, kees.id, 'call_me'],
		[m6.id, rosa.id, 'did_not_happen']
	];
	for (const [matchId, userId, outcome] of answers)
		answerOnBehalf(
			db,
			followUp(matchId, userId),
			broker.id,
			{ outcome, continuation: 'not_needed', comment: '' },
			at('2026-04-20')
		);

	// Two newcomers in March.
	db.update(users)
		.set({ createdAt: at('2026-03-03') })
		.where(eq(users.id, jan.id))
		.run();
	db.update(users)
		.set({ createdAt: at('2026-03-20') })
		.where(eq(users.id, piet.id))
		.run();

	return { hood: ctx.hood, smallJobs: ctx.category, garden };
}
