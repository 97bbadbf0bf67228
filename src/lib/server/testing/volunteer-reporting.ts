import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import {
	expenseClaims,
	followUps,
	gatherings,
	gatheringSignups,
	neighbourhoods,
	posts,
	trustBadges,
	type User
} from '../db/schema';
import type { ExpenseStatus, GatheringKind } from '$lib/volunteers/lists';
import { createPost } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { brussels } from './dates';
import { makeNeighbourhood, makePostInput } from './posts';

/**
 * A neighbourhood's volunteering in 2026 (Brussels time) with known answers, for the reports'
 * volunteers part: matches made through the real rules, and the follow-up minutes, expense
 * claims and gatherings written as the other branches' pages would store them.
 */
export function makeVolunteerYear(db: DB) {
	const ctx = makeNeighbourhood(db);
	const other = db
		.insert(neighbourhoods)
		.values({ ...ctx.hood, id: undefined, slug: 'andere', name: 'Andere' })
		.returning()
		.all()[0]!;
	const rosa = ctx.resident('Rosa');
	db.insert(trustBadges).values({ userId: rosa.id, kind: 'met_in_person', grantedAt: 0 }).run();
	const helpers = ['Ann', 'Bo', 'Cor', 'Dirk', 'Els', 'Fien'].map((n) => ctx.resident(n));
	const { match, told } = volunteerHelp(db, ctx, rosa);

	// January: two helpers, 90 and 30 minutes.
	told(match(helpers[0]!, brussels('2026-01-05')), helpers[0]!.id, brussels('2026-01-20'), 90);
	told(match(helpers[1]!, brussels('2026-01-06')), helpers[1]!.id, brussels('2026-01-21'), 30);
	// February: all six helpers, an hour each (Ann twice: 2 hours), so seven hours by six.
	for (const h of helpers) told(match(h, brussels('2026-02-01')), h.id, brussels('2026-02-15'), 60);
	told(match(helpers[0]!, brussels('2026-02-02')), helpers[0]!.id, brussels('2026-02-16'), 60);
	// 00:30 on 1 March in Brussels is still February in UTC: it counts for March.
	told(
		match(helpers[2]!, brussels('2026-02-20')),
		helpers[2]!.id,
		brussels('2026-03-01', '00:30'),
		45
	);
	// Not counted: the requester's own answer, an answer without minutes, another neighbourhood's
	// post, an answer in 2025.
	const m = match(helpers[3]!, brussels('2026-03-02'));
	told(m, rosa.id, brussels('2026-03-10'), 120);
	told(match(helpers[4]!, brussels('2026-03-02')), helpers[4]!.id, brussels('2026-03-10'), null);
	told(
		match(helpers[5]!, brussels('2026-03-02'), other.id),
		helpers[5]!.id,
		brussels('2026-03-10'),
		240
	);
	told(
		match(helpers[5]!, brussels('2025-12-01')),
		helpers[5]!.id,
		brussels('2025-12-31', '23:30'),
		300
	);

	const claim = (helper: User, cents: number, status: ExpenseStatus, decidedAt: number | null) =>
		db
			.insert(expenseClaims)
			.values({
				neighbourhoodId: ctx.hood.id,
				matchId: m,
				helperId: helper.id,
				amountCents: cents,
				reason: 'Bus',
				status,
				createdAt: brussels('2026-03-01'),
				decidedAt
			})
			.run();
	// March: five helpers paid back €4.60 each (€23); one refused, one still waiting.
	for (const h of helpers.slice(0, 5)) claim(h, 460, 'approved', brussels('2026-03-15'));
	claim(helpers[5]!, 1000, 'refused', brussels('2026-03-15'));
	claim(helpers[5]!, 700, 'claimed', null);
	// April: one helper, €12.50.
	claim(helpers[0]!, 1250, 'approved', brussels('2026-04-02'));

	const gathering = (
		kind: GatheringKind,
		startsAt: number,
		attended: (boolean | null)[],
		extra: { cancelledAt?: number; neighbourhoodId?: number } = {}
	) => {
		const g = db
			.insert(gatherings)
			.values({
				neighbourhoodId: extra.neighbourhoodId ?? ctx.hood.id,
				kind,
				name: kind === 'training' ? 'Discretie' : '',
				place: 'Zaal',
				startsAt,
				endsAt: startsAt + 7_200_000,
				audience: 'volunteers',
				createdAt: 0,
				cancelledAt: extra.cancelledAt ?? null
			})
			.returning()
			.all()[0]!;
		attended.forEach((a, i) =>
			db
				.insert(gatheringSignups)
				.values({
					gatheringId: g.id,
					userId: helpers[i]!.id,
					status: 'signed_up',
					createdAt: 0,
					attended: a
				})
				.run()
		);
	};
	// February: a training attended by five (one absent).
	gathering('training', brussels('2026-02-10', '14:00'), [true, true, true, true, true, false]);
	// March: two intervisions, two and four attended; one cancelled, one elsewhere.
	gathering('intervision', brussels('2026-03-03', '19:00'), [true, true]);
	gathering('intervision', brussels('2026-03-24', '19:00'), [true, true, true, true]);
	gathering('coffee_morning', brussels('2026-03-05', '10:00'), [true], {
		cancelledAt: brussels('2026-03-01')
	});
	gathering('intervision', brussels('2026-03-05', '19:00'), [true, true, true], {
		neighbourhoodId: other.id
	});
	// December: one still to come (after "now" in the tests).
	gathering('volunteer_meeting', brussels('2026-12-10', '19:00'), [null]);

	return { hood: ctx.hood, other, helpers, rosa };
}

let key = 0;

/**
 * Help through the real rules: `match` makes `requester`'s request in `categoryId` and agrees it
 * with the helper at `when`; `told` answers a follow-up of it, telling minutes (or nothing).
 */
export function volunteerHelp(db: DB, ctx: ReturnType<typeof makeNeighbourhood>, requester: User) {
	const match = (
		helper: User,
		when: number,
		neighbourhoodId = ctx.hood.id,
		categoryId = ctx.category.id
	) => {
		const made = createPost(
			db,
			requester.id,
			makePostInput(categoryId, { submissionKey: `v${key++}` }),
			true,
			when
		);
		if (!made.ok) throw new Error('generator: post');
		const r = respond(db, made.post, helper.id, 'Ik kan helpen.', when + 1000);
		if (!r.ok) throw new Error('generator: respond');
		const m = acceptResponse(db, r.response.id, requester.id, when + 2000);
		if (!m.ok) throw new Error('generator: accept');
		// Another neighbourhood's post, without a second set of streets and people.
		if (neighbourhoodId !== ctx.hood.id)
			db.update(posts).set({ neighbourhoodId }).where(eq(posts.id, made.post.id)).run();
		return m.match.id;
	};
	/**
	 * The follow-up (planned by the match) answered at `answeredAt` by `userId`, telling
	 * `minutes` (or nothing).
	 */
	const told = (matchId: number, userId: string, answeredAt: number, minutes: number | null) => {
		const answer = {
			sentAt: answeredAt - 1000,
			answeredAt,
			outcome: 'went_well' as const,
			continuation: 'not_needed' as const,
			minutes
		};
		db.insert(followUps)
			.values({ matchId, userId, dueAt: answeredAt - 1000, ...answer })
			.onConflictDoUpdate({
				target: [followUps.matchId, followUps.userId, followUps.round],
				set: answer
			})
			.run();
	};
	return { match, told };
}
