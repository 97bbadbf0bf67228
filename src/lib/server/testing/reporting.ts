import { and, eq } from 'drizzle-orm';
import type { FollowUpOutcome } from '$lib/followup';
import type { DB } from '../db/client';
import {
	categories,
	followUps,
	fundingSources,
	matches,
	pickupPlaces,
	toolCategories,
	tools,
	trustBadges,
	users
} from '../db/schema';
import { referPost } from '../broker/referrals';
import { addService } from '../broker/social-map';
import { answerOnBehalf } from '../followup/answer';
import { acceptAgreement, publishAgreement } from '../lending/agreements';
import { ensureToolCategories } from '../lending/categories';
import { checkIn, checkOut } from '../lending/desk/hand-over';
import { backFromRepair, markInRepair, setToolOutOfService } from '../lending/desk/repairs';
import { cancelReservation, reserveTool } from '../lending/reservations';
import { sendDueFollowUps } from '../followup/worker';
import { createPost } from '../posts/create';
import { acceptResponse, declineResponse, endMatch, respond } from '../posts/responses';
import { makePostInput, makeNeighbourhood } from './posts';
import { HOUR, brussels } from './dates';

/**
 * A small neighbourhood year (2026, Brussels time) with known answers, made through the real
 * posting and matching rules. The expected figures are in reporting.test.ts.
 */
export function makeReportingYear(db: DB) {
	const ctx = makeNeighbourhood(db);
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
			makePostInput(categoryId, { kind, submissionKey: `k${key++}` }),
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
	request(brussels('2026-01-01', '00:30'));
	// Just before midnight on 31 December 2025 in Brussels: does not count. The broker refers it
	// to the social service in January: a referral of a 2025 request.
	const late2025 = request(brussels('2025-12-31', '23:30'));
	const social = addService(
		db,
		broker.id,
		ctx.hood.id,
		{
			name: 'Sociale dienst',
			description: '',
			kind: 'sociaal',
			categoryIds: [],
			phone: '',
			address: '',
			website: '',
			openingHours: []
		},
		brussels('2025-12-01')
	);
	const refer = (postId: number, when: number) => {
		const r = referPost(db, broker.id, postId, social.id, '', when);
		if (!r.ok) throw new Error('generator: refer');
	};
	refer(late2025.id, brussels('2026-01-05'));

	const r1 = request(brussels('2026-01-10'));
	const m1 = accept(
		answer(r1, jan.id, brussels('2026-01-10', '11:00')).id,
		rosa.id,
		brussels('2026-01-10') + 48 * HOUR
	);
	endMatch(db, m1.id, jan.id, 'done', null, brussels('2026-02-02'));

	const r2 = request(brussels('2026-01-20'));
	accept(
		answer(r2, piet.id, brussels('2026-01-21')).id,
		rosa.id,
		brussels('2026-01-20') + 240 * HOUR
	);

	request(brussels('2026-01-15'), garden.id, 'offer');

	const r3 = request(brussels('2026-02-05'));
	declineResponse(db, answer(r3, kees.id, brussels('2026-02-06')).id, brussels('2026-02-07'));

	// Never answered; the broker refers it to the social service.
	refer(request(brussels('2026-03-01')).id, brussels('2026-03-05'));

	const r6 = request(brussels('2026-04-01'));
	const m6 = accept(
		answer(r6, kees.id, brussels('2026-04-01', '12:00')).id,
		broker.id,
		brussels('2026-04-01') + 24 * HOUR
	);
	endMatch(db, m6.id, kees.id, 'done', null, brussels('2026-04-10'));

	// Follow-ups two weeks after each match, answered by the broker from phone calls:
	// Jan and Rosa (r1) went well; on r2 Rosa says partly and Piet never answers; on r6 Kees asks
	// to be called and Rosa says it did not happen.
	for (const due of ['2026-01-26', '2026-02-13', '2026-04-16'])
		sendDueFollowUps(db, brussels(due, '23:00'), 'https://buurt.example');
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
			brussels('2026-04-20')
		);

	// Two newcomers in March.
	db.update(users)
		.set({ createdAt: brussels('2026-03-03') })
		.where(eq(users.id, jan.id))
		.run();
	db.update(users)
		.set({ createdAt: brussels('2026-03-20') })
		.where(eq(users.id, piet.id))
		.run();

	const lending = generateLendingYear(db, ctx, broker.id);
	return { hood: ctx.hood, smallJobs: ctx.category, garden, ...lending };
}

const ORIGIN = 'https://buurt.example';

/**
 * The neighbourhood's lending in 2026, through the real desk rules (reserve, check out, check
 * in, repair). Two grant-funded tools and one without a funding source are lent 12 times; a
 * third grant tool is lent once and retired, a fourth was retired before the year. Returns
 * "late" are on a later local day than the last loan day; two happen just after local
 * midnight, still the due day in UTC. Expected figures (year 2026, seen from 2027):
 *
 * | tool            | loans | days | borrowers | late | repairs |
 * | Boormachine     | 6     | 18   | 6         | 4    | 2       |
 * | Ladder          | 4     | 10   | 4         | 1    | 2       |
 * | Kruiwagen (own) | 2     | 5    | 2         | 1    | 0       |
 * | Behangafstomer  | 1     | 3    | 1         | 0    | 1       |
 * | fund KBS        | 11    | 31   | 6         | 5    | 5       |
 */
function generateLendingYear(db: DB, ctx: ReturnType<typeof makeNeighbourhood>, deskId: string) {
	ensureToolCategories(db);
	const hoodId = ctx.hood.id;
	// No opening hours: the desk is open every day, so any date can be booked.
	const place = db
		.insert(pickupPlaces)
		.values({ neighbourhoodId: hoodId, name: 'Dienstencentrum', address: 'Plein 1' })
		.returning()
		.all()[0]!;
	const kbs = db
		.insert(fundingSources)
		.values({ name: 'KBS-subsidie', funder: 'Koning Boudewijnstichting' })
		.returning()
		.all()[0]!;
	const categoryId = db.select().from(toolCategories).all()[0]!.id;
	const tool = (assetTag: string, name: string, funded: boolean) =>
		db
			.insert(tools)
			.values({
				neighbourhoodId: hoodId,
				assetTag,
				name,
				description: '',
				categoryId,
				pickupPlaceId: place.id,
				fundingSourceId: funded ? kbs.id : null,
				createdAt: 0
			})
			.returning()
			.all()[0]!.id;
	const drill = tool('KBS-1', 'Boormachine', true);
	const ladder = tool('KBS-2', 'Ladder', true);
	const barrow = tool('EIG-1', 'Kruiwagen', false);
	const steamer = tool('KBS-3', 'Behangafstomer', true);
	const old = tool('KBS-4', 'Oude zaag', true);
	setToolOutOfService(db, old, deskId, 'retired', 'broken', brussels('2025-06-01'));

	const agreementId = publishAgreement(db, hoodId, { nl: 'Afspraken' }, null, 0);
	const [ann, bo, cor, dirk, els, fien] = ['Ann', 'Bo', 'Cor', 'Dirk', 'Els', 'Fien'].map(
		(name) => {
			const person = ctx.resident(name);
			acceptAgreement(db, { userId: person.id, agreementId, method: 'online' }, 0);
			return person.id;
		}
	) as [string, string, string, string, string, string];

	const lend = (toolId: number, borrowerId: string, startDate: string, endDate: string) => {
		const loan = reserveTool(
			db,
			{ toolId, borrowerId, startDate, endDate },
			brussels(startDate, '08:00'),
			ORIGIN
		);
		checkOut(
			db,
			loan.id,
			deskId,
			{ condition: 'good', partsOut: [], deposit: 'none' },
			brussels(startDate, '09:00')
		);
		return loan.id;
	};
	const back = (loanId: number, date: string, time = '10:00', toRepair = false) =>
		checkIn(
			db,
			loanId,
			deskId,
			{
				condition: 'good',
				partsBack: [],
				toRepair: toRepair ? { note: 'Nakijken', expectedDate: null } : null
			},
			brussels(date, time),
			ORIGIN
		);
	const repair = (toolId: number, date: string, time: string, backDate: string) => {
		markInRepair(
			db,
			toolId,
			deskId,
			{ note: 'Nakijken', expectedDate: null },
			brussels(date, time)
		);
		backFromRepair(db, toolId, deskId, brussels(backDate), ORIGIN);
	};

	// Just after midnight on 1 January in Brussels (still 2025 in UTC): a 2026 repair.
	repair(drill, '2026-01-01', '00:30', '2026-01-03');
	// Just before midnight on 31 December 2025 in Brussels: not a 2026 repair.
	repair(barrow, '2025-12-31', '23:30', '2026-01-10');

	back(lend(drill, ann, '2026-01-05', '2026-01-07'), '2026-01-07');
	back(lend(drill, bo, '2026-02-02', '2026-02-04'), '2026-02-06'); // late
	// Due Saturday 28 March, back at 00:30 on Sunday (23:30 UTC on Saturday): late.
	back(lend(drill, cor, '2026-03-26', '2026-03-28'), '2026-03-29', '00:30');
	// Due 30 June, back at 00:30 on 1 July (22:30 UTC on 30 June): late, and into repair,
	// which began on 1 July in Brussels (a third-quarter repair).
	back(lend(drill, dirk, '2026-06-28', '2026-06-30'), '2026-07-01', '00:30', true);
	backFromRepair(db, drill, deskId, brussels('2026-07-05'), ORIGIN);
	back(lend(drill, els, '2026-09-01', '2026-09-03'), '2026-09-03');
	const cancelled = reserveTool(
		db,
		{ toolId: drill, borrowerId: cor, startDate: '2026-10-01', endDate: '2026-10-03' },
		brussels('2026-09-20'),
		ORIGIN
	);
	cancelReservation(db, cancelled.id, cor, 'borrower', brussels('2026-09-25'), ORIGIN);
	// Still out, due 20 December: late once that day has passed.
	lend(drill, fien, '2026-12-18', '2026-12-20');

	// From 30 December 2025: two of its days are in 2026.
	back(lend(ladder, ann, '2025-12-30', '2026-01-02'), '2026-01-02');
	back(lend(ladder, bo, '2026-04-10', '2026-04-12'), '2026-04-14'); // late
	back(lend(ladder, cor, '2026-05-10', '2026-05-12'), '2026-05-12');
	repair(ladder, '2026-06-01', '10:00', '2026-06-03');
	repair(ladder, '2026-10-15', '10:00', '2026-10-20');
	// Still out, but due only in 2027: not late in 2026.
	lend(ladder, dirk, '2026-12-30', '2027-01-02');

	back(lend(barrow, els, '2026-07-01', '2026-07-03'), '2026-07-03');
	back(lend(barrow, ann, '2026-08-01', '2026-08-02'), '2026-08-04'); // late

	back(lend(steamer, fien, '2026-02-10', '2026-02-12'), '2026-02-12');
	repair(steamer, '2026-03-01', '10:00', '2026-03-05');
	setToolOutOfService(db, steamer, deskId, 'retired', 'broken', brussels('2026-03-10'));

	return { drill, ladder, barrow, steamer, fund: kbs.id };
}
