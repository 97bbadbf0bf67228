import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeTask } from '../tasks/describe';
import type { DB } from '../db/client';
import {
	auditLog,
	blocks,
	matchProposals,
	matches,
	outbox,
	posts,
	responses,
	tasks,
	trustBadges,
	userCategories,
	users,
	type User
} from '../db/schema';
import { createTestDb } from '../db/test-db';
import { approximate } from '../geo/approx';
import { createPost } from '../posts/create';
import { CENTRE, makePostInput, makeNeighbourhood } from '../testing/posts';
import { answerProposal, proposeMatch, staleProposals } from './proposals';
import { slotOf, suggestHelpers } from './suggestions';
import { setBadgeRules } from '../trust/rules';

const NOW = Date.UTC(2026, 10, 24, 9);
const ORIGIN = 'https://buurt.example';

function world() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const requester = ctx.resident('Rosa', { languages: '["nl","tr"]' });
	db.insert(trustBadges)
		.values({ userId: requester.id, kind: 'met_in_person', grantedAt: 0 })
		.run();
	// A request for Tuesday mornings: the Tuesday slot is what helpers are matched on.
	const made = createPost(
		db,
		requester.id,
		makePostInput(ctx.category.id, {
			whenType: 'recurring',
			recurringDay: 2,
			recurringPart: 'morning'
		}),
		true,
		NOW
	);
	if (!made.ok) throw new Error('post');
	const helper = (name: string, fields: Partial<User>, likes = true) => {
		const lat = fields.exactLat ?? CENTRE.lat + 0.001;
		const lon = fields.exactLon ?? CENTRE.lon + 0.001;
		const cell = approximate(lat, lon);
		const u = ctx.resident(name, {
			...fields,
			approxCell: cell.cell,
			approxLat: cell.lat,
			approxLon: cell.lon
		});
		if (likes)
			db.insert(userCategories).values({ userId: u.id, categoryId: ctx.category.id }).run();
		return u;
	};
	return { db, ctx, requester, post: made.post, helper };
}

const near = (metres: number) => ({
	exactLat: CENTRE.lat + metres / 111_320,
	exactLon: CENTRE.lon
});

describe('match suggestions', () => {
	it('rank helpers with their reasons: category, distance, time, language, badges, load', () => {
		const { db, post, helper, requester } = world();
		const best = helper('Ahmet', {
			...near(200),
			availability: '["tue-morning"]',
			languages: '["tr"]'
		});
		db.insert(trustBadges).values({ userId: best.id, kind: 'met_in_person', grantedAt: 0 }).run();
		const busy = helper('Bart', {
			...near(200),
			availability: '["tue-morning"]',
			languages: '["nl"]'
		});
		// Bart offers this kind of help, but already has two ongoing matches.
		db.insert(trustBadges).values({ userId: busy.id, kind: 'references', grantedAt: 0 }).run();
		const offer = createPost(
			db,
			busy.id,
			makePostInput(post.categoryId, { kind: 'offer', submissionKey: 'o' }),
			true,
			NOW
		);
		expect(offer.ok && offer.post.status).toBe('open');
		for (const key of ['m1', 'm2']) {
			const other = createPost(
				db,
				requester.id,
				makePostInput(post.categoryId, { submissionKey: key }),
				true,
				NOW
			);
			if (!other.ok) throw new Error('post');
			db.insert(matches)
				.values({
					postId: other.post.id,
					responseId: insertResponse(db, other.post.id, busy.id),
					helperId: busy.id,
					requesterId: requester.id,
					agreedAt: NOW
				})
				.run();
		}
		helper('Chris', { ...near(1500), availability: '["wed-evening"]' });
		helper('Dirk', near(100), false); // does not help with this category
		helper('Eva', near(5000)); // too far

		const result = suggestHelpers(db, post.id, NOW)!;
		expect(result.slot).toBe('tue-morning');
		expect(result.whyNone).toBeNull();
		expect(result.suggestions.map((s) => s.name)).toEqual(['Ahmet', 'Bart', 'Chris']);
		const [a, b, c] = result.suggestions;
		expect(a!.reasons.map((r) => r.key)).toEqual([
			'likes_category',
			'near',
			'available',
			'speaks_language',
			'badges',
			'free'
		]);
		expect(b!.commonLanguage).toBe(true);
		expect(b!.reasons.map((r) => r.key)).toEqual([
			'offers_category',
			'near',
			'available',
			'speaks_language',
			'badges',
			'busy'
		]);
		expect(b!.activeMatches).toBe(2);
		expect([a!.score, b!.score]).toEqual([11, 10]);
		expect(c!.availableThen).toBe(false);
		expect(c!.reasons.find((r) => r.key === 'not_available')!.good).toBe(false);
		expect(c!.band).toBe(2000);
	});

	it('spread the load, and leave out blocked pairs and people already matched', () => {
		const { db, requester, post, helper } = world();
		const a = helper('Ann', near(300));
		const b = helper('Ben', near(300));
		// Ann already has an ongoing match elsewhere.
		const elsewhere = createPost(
			db,
			requester.id,
			makePostInput(post.categoryId, { submissionKey: 'x' }),
			true,
			NOW
		);
		if (!elsewhere.ok) throw new Error('post');
		db.insert(matches)
			.values({
				postId: elsewhere.post.id,
				responseId: insertResponse(db, elsewhere.post.id, a.id),
				helperId: a.id,
				requesterId: requester.id,
				agreedAt: NOW
			})
			.run();
		expect(suggestHelpers(db, post.id, NOW)!.suggestions.map((s) => s.name)).toEqual([
			'Ben',
			'Ann'
		]);
		db.insert(blocks).values({ blockerId: requester.id, blockedId: b.id, createdAt: NOW }).run();
		expect(suggestHelpers(db, post.id, NOW)!.suggestions.map((s) => s.name)).toEqual(['Ann']);
	});

	it('say why nobody fits', () => {
		const { db, post, helper } = world();
		expect(suggestHelpers(db, post.id, NOW)!.whyNone).toBe('no_one_for_category');
		const far = helper('Verre', near(4000));
		expect(suggestHelpers(db, post.id, NOW)!.whyNone).toBe('none_within_distance');
		db.update(userCategories).set({ userId: far.id }).run();
		helper('Bezet', { ...near(300), availability: '["fri-evening"]' });
		const none = suggestHelpers(db, post.id, NOW)!;
		expect(none.whyNone).toBe('none_available_then');
		expect(none.suggestions).toHaveLength(1);
	});

	it('turn a dated request into the slot of its local time', () => {
		const { db, ctx, requester } = world();
		const made = createPost(
			db,
			requester.id,
			makePostInput(ctx.category.id, {
				whenType: 'window',
				whenDate: '2026-12-03',
				whenFrom: '14:00',
				whenTo: '15:00',
				submissionKey: 'w'
			}),
			true,
			NOW
		);
		if (!made.ok) throw new Error(made.error);
		expect(slotOf(made.post, 'Europe/Brussels')).toBe('thu-afternoon');
	});
});

function insertResponse(db: DB, postId: number, responderId: string): number {
	return db
		.insert(responses)
		.values({ postId, responderId, message: 'Ik help', status: 'accepted', createdAt: NOW })
		.returning()
		.all()[0]!.id;
}

describe('proposals', () => {
	it('mail the helper; yes makes a match made by the broker; a second answer changes nothing', () => {
		const { db, ctx, post, helper, requester } = world();
		const broker = ctx.resident('Bea', { role: 'broker' });
		const h = helper('Ahmet', near(200));
		const proposed = proposeMatch(
			db,
			{
				postId: post.id,
				helperId: h.id,
				brokerId: broker.id,
				note: 'Bel twee keer.',
				badgeWaived: false
			},
			'https://buurt.example',
			NOW
		);
		if (!proposed.ok) throw new Error(proposed.error);
		const mail = db.select().from(outbox).get()!;
		expect(mail.kind).toBe('match_proposal');
		expect(mail.textBody).toContain(`https://buurt.example/proposals/${proposed.proposal.id}`);
		expect(mail.textBody).toContain('Bel twee keer.');
		expect(
			proposeMatch(
				db,
				{ postId: post.id, helperId: h.id, brokerId: broker.id, note: '', badgeWaived: false },
				'',
				NOW
			)
		).toEqual({ ok: false, error: 'already_proposed' });

		expect(answerProposal(db, proposed.proposal.id, requester.id, true, ORIGIN, NOW)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const yes = answerProposal(db, proposed.proposal.id, h.id, true, ORIGIN, NOW + 1000);
		expect(yes.ok && yes.matchId).toBeGreaterThan(0);
		const match = db.select().from(matches).get()!;
		expect([match.helperId, match.requesterId, match.madeById]).toEqual([
			h.id,
			requester.id,
			broker.id
		]);
		expect(answerProposal(db, proposed.proposal.id, h.id, false, ORIGIN, NOW + 2000)).toEqual({
			ok: false,
			error: 'answered'
		});
	});

	it('become a call task for a helper without e-mail, and show on Today after 48 hours', () => {
		const { db, ctx, post, helper } = world();
		const broker = ctx.resident('Bea', { role: 'broker' });
		const h = helper('Jef', { ...near(200), email: null });
		const proposed = proposeMatch(
			db,
			{ postId: post.id, helperId: h.id, brokerId: broker.id, note: '', badgeWaived: false },
			'',
			NOW
		);
		expect(proposed.ok).toBe(true);
		expect(db.select().from(outbox).all()).toHaveLength(0);
		const call = db.select().from(tasks).where(eq(tasks.subjectUserId, h.id)).get()!;
		expect(call.kind).toBe('call_resident');
		expect(describeTask(call, 'Jef', 'en').subject).toBe(
			`Call Jef: will Jef help with "${post.title}"?`
		);
		expect(staleProposals(db, [ctx.hood.id], NOW + 47 * 3_600_000)).toHaveLength(0);
		expect(staleProposals(db, [ctx.hood.id], NOW + 48 * 3_600_000)).toHaveLength(1);
		expect(staleProposals(db, [ctx.hood.id + 1], NOW + 48 * 3_600_000)).toHaveLength(0);
	});
});

describe('a proposal the helper accepts', () => {
	/** Rosa's request (Rosa as given), Ahmet proposed by Bea and saying yes. */
	function acceptedBy(requester: Partial<User>) {
		const { db, ctx, post, helper } = world();
		db.update(users).set(requester).where(eq(users.id, post.authorId)).run();
		const broker = ctx.resident('Bea', { role: 'broker' });
		const h = helper('Ahmet Yilmaz', near(200));
		const proposed = proposeMatch(
			db,
			{ postId: post.id, helperId: h.id, brokerId: broker.id, note: '', badgeWaived: false },
			ORIGIN,
			NOW
		);
		if (!proposed.ok) throw new Error(proposed.error);
		const yes = answerProposal(db, proposed.proposal.id, h.id, true, ORIGIN, NOW + 1000);
		if (!yes.ok) throw new Error(yes.error);
		return { db, post, requesterId: post.authorId, helper: h };
	}

	it('tells the requester by mail who will help, with the way to their conversation', () => {
		const { db, post, requesterId, helper } = acceptedBy({ email: 'rosa@test.example' });
		const mail = db.select().from(outbox).where(eq(outbox.userId, requesterId)).get()!;
		const response = db.select().from(responses).where(eq(responses.responderId, helper.id)).get()!;
		expect(mail).toMatchObject({
			kind: 'match_made',
			toAddress: 'rosa@test.example',
			subject: `Ahmet helpt je met "${post.title}"`
		});
		expect(mail.textBody).toContain(`${ORIGIN}/conversations/${response.id}`);
		expect(mail.textBody).not.toContain('Yilmaz');
	});

	it("becomes a call task for a requester without e-mail: whom to call and what to say, in the broker's language", () => {
		const { db, post, requesterId } = acceptedBy({ email: null, locale: 'en' });
		expect(db.select().from(outbox).where(eq(outbox.userId, requesterId)).all()).toEqual([]);
		const call = db.select().from(tasks).where(eq(tasks.subjectUserId, requesterId)).get()!;
		expect(call.kind).toBe('call_resident');
		const details = JSON.parse(call.details) as Record<string, unknown>;
		expect(details).toMatchObject({ mailKind: 'match_made', postId: post.id });
		// Keys and names are stored, not the resident's words: each broker reads their own language.
		expect(details.subject).toBeUndefined();
		const rosa = db.select().from(users).where(eq(users.id, requesterId)).get()!;
		const nl = describeTask(call, rosa.displayName, 'nl');
		expect(nl.subject).toBe(`Bel ${rosa.displayName}: Ahmet Yilmaz helpt met "${post.title}"`);
		expect(nl.text).toContain('Vertel Rosa dat Ahmet ja zei');
		const en = describeTask(call, rosa.displayName, 'en');
		expect(en.subject).toBe(
			`Call ${rosa.displayName}: Ahmet Yilmaz will help with "${post.title}"`
		);
		expect(en.text).toContain('Tell Rosa that Ahmet said yes');
		expect(en.text).not.toContain('http');
	});

	it('tells nobody when the request was filled in the meantime', () => {
		const { db, ctx, post, helper } = world();
		const broker = ctx.resident('Bea', { role: 'broker' });
		const late = helper('Jef', near(200));
		const proposed = proposeMatch(
			db,
			{ postId: post.id, helperId: late.id, brokerId: broker.id, note: '', badgeWaived: false },
			ORIGIN,
			NOW
		);
		if (!proposed.ok) throw new Error(proposed.error);
		db.update(posts).set({ status: 'filled' }).where(eq(posts.id, post.id)).run();
		expect(answerProposal(db, proposed.proposal.id, late.id, true, ORIGIN, NOW + 1000)).toEqual({
			ok: false,
			error: 'full'
		});
		expect(db.select().from(outbox).where(eq(outbox.userId, post.authorId)).all()).toEqual([]);
		expect(db.select().from(matchProposals).get()!.status).toBe('proposed');
	});
});

describe('badges a category requires', () => {
	it('show in suggestions, and a broker proposes a helper without them only after confirming', () => {
		const { db, ctx, post, helper } = world();
		const broker = ctx.resident('Bea', { role: 'broker' });
		setBadgeRules(
			db,
			broker.id,
			ctx.hood.id,
			[{ categoryId: ctx.category.id, kind: 'met_in_person' }],
			NOW
		);
		const vetted = helper('Vera', near(300));
		db.insert(trustBadges).values({ userId: vetted.id, kind: 'met_in_person', grantedAt: 0 }).run();
		const newcomer = helper('Nico', near(200));
		const found = suggestHelpers(db, post.id, NOW)!.suggestions;
		const of = (id: string) => found.find((s) => s.helperId === id)!;
		expect(of(newcomer.id).missingBadges).toEqual(['met_in_person']);
		expect(of(newcomer.id).reasons).toContainEqual({ key: 'badge_missing', good: false, value: 1 });
		expect(of(vetted.id).missingBadges).toEqual([]);

		const propose = (helperId: string, badgeWaived: boolean) =>
			proposeMatch(
				db,
				{ postId: post.id, helperId, brokerId: broker.id, note: '', badgeWaived },
				'',
				NOW
			);
		expect(propose(newcomer.id, false)).toEqual({
			ok: false,
			error: 'badge_missing',
			missing: ['met_in_person']
		});
		expect(db.select().from(matchProposals).all()).toEqual([]);
		expect(db.select().from(outbox).all()).toEqual([]);

		const waived = propose(newcomer.id, true);
		expect(waived.ok && waived.proposal.badgeWaived).toBe(true);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'match.propose')).get()!;
		expect(JSON.parse(audit.detail)).toEqual({
			helperId: newcomer.id,
			badgeWaived: true,
			missing: ['met_in_person']
		});
		// Nothing to waive for a helper who has the badge.
		const plain = propose(vetted.id, true);
		expect(plain.ok && plain.proposal.badgeWaived).toBe(false);
	});
});
