import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts, trustBadges } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from '../posts/create';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { openProposalCount, openProposalsOf } from './open-proposals';
import { answerProposal, proposeMatch } from './proposals';

const NOW = Date.UTC(2026, 10, 24, 9);

function world() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const broker = ctx.resident('Bea', { role: 'broker' });
	const helper = ctx.resident('Jef');
	const other = ctx.resident('Mira');
	const request = (title: string) => {
		const requester = ctx.resident(`Vrager ${title}`);
		db.insert(trustBadges)
			.values({ userId: requester.id, kind: 'met_in_person', grantedAt: 0 })
			.run();
		const made = createPost(db, requester.id, makePostInput(ctx.category.id, { title }), true, NOW);
		if (!made.ok) throw new Error('post');
		return made.post;
	};
	const propose = (postId: number, helperId: string, at: number) => {
		const done = proposeMatch(
			db,
			{ postId, helperId, brokerId: broker.id, note: '', badgeWaived: false },
			'',
			at
		);
		if (!done.ok) throw new Error(done.error);
		return done.proposal;
	};
	return { db, helper, other, request, propose };
}

describe('the proposals a helper still has to answer', () => {
	it('are the unanswered ones on open requests, oldest first, and only their own', () => {
		const { db, helper, other, request, propose } = world();
		expect(openProposalsOf(db, helper.id)).toEqual([]);
		expect(openProposalCount(db, helper.id)).toBe(0);

		const garden = request('Tuin wieden');
		const shopping = request('Boodschappen doen');
		const letter = request('Brief lezen');
		const closed = request('Lamp ophangen');
		const second = propose(shopping.id, helper.id, NOW + 2000);
		const first = propose(garden.id, helper.id, NOW + 1000);
		const answered = propose(letter.id, helper.id, NOW + 3000);
		propose(closed.id, helper.id, NOW + 4000);
		propose(garden.id, other.id, NOW + 5000);
		answerProposal(db, answered.id, helper.id, false, '', NOW + 6000);
		db.update(posts).set({ status: 'closed' }).where(eq(posts.id, closed.id)).run();

		expect(openProposalsOf(db, helper.id)).toEqual([
			{ id: first.id, title: 'Tuin wieden', proposedAt: NOW + 1000 },
			{ id: second.id, title: 'Boodschappen doen', proposedAt: NOW + 2000 }
		]);
		expect(openProposalCount(db, helper.id)).toBe(2);
		expect(openProposalCount(db, other.id)).toBe(1);

		// Saying yes takes it off the list.
		answerProposal(db, first.id, helper.id, true, '', NOW + 7000);
		expect(openProposalsOf(db, helper.id).map((p) => p.id)).toEqual([second.id]);
		expect(openProposalCount(db, helper.id)).toBe(1);
	});
});
