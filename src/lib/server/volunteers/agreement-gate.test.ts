import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { matchProposals, matches, posts, trustBadges } from '../db/schema';
import { createPost } from '../posts/create';
import { respond } from '../posts/responses';
import { answerProposal } from '../matching/proposals';
import { makePostInput } from '../testing/posts';
import { makeTrustNeighbourhood } from '../testing/trust';
import { AGREEMENT_SECTIONS } from '$lib/volunteers/lists';
import {
	acceptVolunteerAgreement,
	publishVolunteerAgreement,
	setAgreementRequired
} from './agreement';
import { safeNext } from './agreement-gate';
import { eq } from 'drizzle-orm';

const NOW = Date.UTC(2026, 10, 24, 9);

/** A request by Maria, the agreement published and required, Jozef not yet accepted. */
function world() {
	const db = createTestDb();
	const ctx = makeTrustNeighbourhood(db);
	const maria = ctx.resident('Maria Janssens');
	// Someone met in person posts without waiting for moderation.
	db.insert(trustBadges).values({ userId: maria.id, kind: 'met_in_person', grantedAt: 0 }).run();
	const made = createPost(
		db,
		maria.id,
		makePostInput(ctx.category.id, { submissionKey: 'gate' }),
		true,
		NOW
	);
	if (!made.ok) throw new Error(made.error);
	const nl = Object.fromEntries(AGREEMENT_SECTIONS.map((s) => [s, `tekst ${s}`]));
	const agreementId = publishVolunteerAgreement(db, ctx.hood.id, { nl }, ctx.broker.id, NOW);
	setAgreementRequired(db, ctx.hood.id, true, ctx.broker.id, NOW);
	const post = db.select().from(posts).where(eq(posts.id, made.post.id)).get()!;
	return { db, ...ctx, maria, post, agreementId };
}

describe('the agreement gate', () => {
	it('refuses a response to a request until the helper accepts the agreement', () => {
		const { db, helper, post, agreementId } = world();
		expect(respond(db, post, helper.id, 'Ik help graag', NOW + 1)).toEqual({
			ok: false,
			error: 'agreement'
		});
		acceptVolunteerAgreement(db, { userId: helper.id, agreementId, method: 'online' }, NOW + 2);
		expect(respond(db, post, helper.id, 'Ik help graag', NOW + 3).ok).toBe(true);
	});

	it('refuses to accept a proposal until the helper accepts the agreement; declining is free', () => {
		const { db, helper, broker, post, agreementId } = world();
		const proposal = (helperId: string) =>
			db
				.insert(matchProposals)
				.values({ postId: post.id, helperId, brokerId: broker.id, createdAt: NOW })
				.returning()
				.all()[0]!;
		const first = proposal(helper.id);
		expect(answerProposal(db, first.id, helper.id, true, '', NOW + 1)).toEqual({
			ok: false,
			error: 'agreement'
		});
		expect(db.select().from(matches).all()).toHaveLength(0);
		acceptVolunteerAgreement(db, { userId: helper.id, agreementId, method: 'online' }, NOW + 2);
		const yes = answerProposal(db, first.id, helper.id, true, '', NOW + 3);
		expect(yes.ok && yes.matchId).toBeGreaterThan(0);
	});

	it('returns only to a path on this site', () => {
		expect(safeNext('/proposals/3')).toBe('/proposals/3');
		expect(safeNext('//evil.example/x')).toBeNull();
		expect(safeNext('https://evil.example')).toBeNull();
		expect(safeNext('/\\evil.example')).toBeNull();
		expect(safeNext(null)).toBeNull();
	});
});
