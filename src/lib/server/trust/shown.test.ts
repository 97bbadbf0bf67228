import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { createPost } from '../posts/create';
import { parseFilters, listOpenPosts } from '../posts/list';
import { respond } from '../posts/responses';
import { makePostInput } from '../testing/posts';
import { getPostView } from '../posts/view';
import { viewerOf } from '../posts/viewer';
import { responsesForPoster } from '../talk/post-responses';
import { grantBadge } from './grant';
import { setBadgeRules } from './rules';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';

const NOW = Date.UTC(2026, 10, 26, 9);
const NOTE = 'Identiteitskaart gezien, woont hier sinds 1998.';

function world() {
	const db = createTestDb();
	const w = makeTrustNeighbourhood(db);
	const granted = grantBadge(
		db,
		{
			userId: w.helper.id,
			brokerId: w.broker.id,
			kind: 'met_in_person',
			checkedOn: '2026-11-20',
			note: NOTE
		},
		NOW
	);
	if (!granted.ok) throw new Error('grant');
	const rosa = w.resident('Rosa');
	makeMatch(db, w.category.id, rosa, w.helper);
	return { db, ...w, rosa };
}

describe('badges where people meet', () => {
	it('show on post cards and the post page, granted and earned, never the note', () => {
		const { db, helper, category, rosa } = world();
		const offer = createPost(
			db,
			helper.id,
			makePostInput(category.id, { kind: 'offer', submissionKey: 'o' }),
			true,
			NOW
		);
		if (!offer.ok) throw new Error('offer');
		const { items } = listOpenPosts(
			db,
			parseFilters(new URLSearchParams()),
			viewerOf(db, rosa.id),
			NOW,
			'nl'
		);
		const card = items.find((i) => i.id === offer.post.id)!;
		expect(card.badges.granted).toEqual([{ kind: 'met_in_person', label: null, grantedAt: NOW }]);
		expect(card.badges.earned.helpsTier).toBe(1);
		expect(JSON.stringify(items)).not.toContain('Identiteitskaart');

		const view = getPostView(db, offer.post.id, rosa.id, 'nl', NOW)!;
		expect(view.posterBadges.granted.map((b) => b.kind)).toEqual(['met_in_person']);
		expect(JSON.stringify(view)).not.toContain('Identiteitskaart');
	});

	it('show on responses, with the badges the category requires that a responder lacks', () => {
		const { db, helper, broker, hood, category, rosa, resident } = world();
		const newcomer = resident('Nico');
		setBadgeRules(
			db,
			broker.id,
			hood.id,
			[{ categoryId: category.id, kind: 'met_in_person' }],
			NOW
		);
		const request = createPost(
			db,
			broker.id,
			makePostInput(category.id, { submissionKey: 'r' }),
			true,
			NOW
		);
		if (!request.ok) throw new Error('request');
		respond(db, request.post, helper.id, 'Ik kom graag.', NOW);
		respond(db, request.post, newcomer.id, 'Ik ook.', NOW + 1);
		const seen = responsesForPoster(db, request.post.id, NOW);
		expect(seen.map((r) => [r.name, r.missingBadges, r.badges.granted.length])).toEqual([
			['Jozef', [], 1],
			['Nico', ['met_in_person'], 0]
		]);
		expect(JSON.stringify(seen)).not.toContain('Identiteitskaart');
		expect(Object.keys(seen[0]!)).not.toContain('responderId');

		// On an offer, the responders are the people helped: nothing is "missing" for them.
		const offer = createPost(
			db,
			helper.id,
			makePostInput(category.id, { kind: 'offer', submissionKey: 'o2' }),
			true,
			NOW
		);
		if (!offer.ok) throw new Error('offer');
		respond(db, offer.post, rosa.id, 'Graag!', NOW);
		expect(responsesForPoster(db, offer.post.id, NOW).map((r) => r.missingBadges)).toEqual([[]]);
	});
});
