import { eq, inArray, lte, sql } from 'drizzle-orm';
import type { DB } from '../db/client';
import { categories, followUps, matches, posts, users } from '../db/schema';
import { createPost } from '../posts/create';
import { closePost, expireDuePosts } from '../posts/lifecycle';
import { acceptResponse, declineResponse, endMatch, respond } from '../posts/responses';
import { firstOfMonth, localDate, localInstant, shiftMonths } from '../calendar';
import {
	HISTORY_AUTHORS,
	HISTORY_CATEGORIES,
	FOLLOW_UP_COMMENTS,
	HISTORY_HELPERS,
	HISTORY_MONTHS,
	historyMonth,
	HISTORY_TITLES
} from './history-pattern';

const HOUR = 3_600_000;

/**
 * Eleven months of past requests, offers and matches, made through the real posting and matching
 * rules at past moments, so the reports page of a fresh demo shows believable figures. Past
 * posts end closed or filled, so they never crowd the open list.
 */
export function seedDemoHistory(db: DB, timeZone: string, now: number): void {
	const ids = new Map(
		db
			.select({ id: users.id, email: users.email })
			.from(users)
			.where(inArray(users.email, [...HISTORY_AUTHORS, ...HISTORY_HELPERS]))
			.all()
			.map((u) => [u.email!, u.id])
	);
	const cats = new Map(
		db
			.select({ id: categories.id, slug: categories.slug })
			.from(categories)
			.all()
			.map((c) => [c.slug, c.id])
	);
	const thisMonth = firstOfMonth(localDate(now, timeZone));
	let n = 0;
	for (let ago = HISTORY_MONTHS; ago >= 1; ago--) {
		const month = shiftMonths(thisMonth, -ago).slice(0, 7);
		const plan = historyMonth(ago);
		const day = (i: number) => `${month}-${String(2 + ((i * 3) % 24)).padStart(2, '0')}`;
		for (let i = 0; i < plan.requests + plan.offers; i++) {
			const kind = i < plan.requests ? 'request' : 'offer';
			const slug = HISTORY_CATEGORIES[(ago + i) % HISTORY_CATEGORIES.length]!;
			const authorId = ids.get(HISTORY_AUTHORS[(ago + i) % HISTORY_AUTHORS.length]!)!;
			const helperId = ids.get(HISTORY_HELPERS[(ago * 2 + i) % HISTORY_HELPERS.length]!)!;
			const at = localInstant(day(i), '10:00', timeZone);
			const made = createPost(
				db,
				authorId,
				{
					kind,
					categoryId: cats.get(slug)!,
					title:
						kind === 'request'
							? HISTORY_TITLES[slug]!
							: `Ik help graag: ${HISTORY_TITLES[slug]!.toLowerCase()}`,
					body: 'Een vraag of aanbod van vorig seizoen, uit de geschiedenis van de demobuurt.',
					whenType: 'flexible',
					helpersNeeded: 1,
					standing: false,
					place: { type: 'home' },
					submissionKey: `demo-history-${n++}`
				},
				true,
				at
			);
			if (!made.ok || made.post.status !== 'open') throw new Error('demo history: post refused');
			const post = made.post;
			if (kind === 'offer') {
				closePost(db, post, at + 20 * 24 * HOUR);
				continue;
			}
			if (i === 0) {
				// Never answered: it simply expires.
				continue;
			}
			const response = respond(db, post, helperId, 'Ik kan helpen.', at + 3 * HOUR);
			if (!response.ok) throw new Error('demo history: response refused');
			if (i === 1) {
				declineResponse(db, response.response.id, at + 5 * HOUR);
				closePost(db, post, at + 6 * 24 * HOUR);
				continue;
			}
			// Most matches within a day or two; every fourth takes more than a week.
			const wait = i % 4 === 0 ? 9 * 24 * HOUR : (6 + (i % 3) * 20) * HOUR;
			const accepted = acceptResponse(db, response.response.id, authorId, at + wait);
			if (!accepted.ok) throw new Error('demo history: accept refused');
			endMatch(
				db,
				accepted.match.id,
				helperId,
				'done',
				null,
				Math.min(at + wait + 4 * 24 * HOUR, now - HOUR)
			);
		}
	}
	// Unanswered past requests have expired by now.
	expireDuePosts(db, now);
	answerPastFollowUps(db, now);
}

/**
 * The follow-ups of the past year were asked and mostly answered, as in a real pilot: most went
 * well, some partly, a few asked to be called, and about one in ten never answered. Recent ones
 * are left to the follow-up job, so a fresh demo's mailbox shows real follow-up mails.
 */
function answerPastFollowUps(db: DB, now: number): void {
	const past = db
		.select({
			id: followUps.id,
			dueAt: followUps.dueAt,
			byHelper: sql<number>`${followUps.userId} = ${matches.helperId}`,
			estimate: posts.durationMinutes
		})
		.from(followUps)
		.innerJoin(matches, eq(matches.id, followUps.matchId))
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(lte(followUps.dueAt, now - 10 * 24 * HOUR))
		.all();
	for (const { id, dueAt, byHelper, estimate } of past) {
		const asked = { sentAt: dueAt };
		if (id % 10 === 0) {
			db.update(followUps)
				.set({ ...asked, remindedAt: dueAt + 4 * 24 * HOUR, escalatedAt: dueAt + 8 * 24 * HOUR })
				.where(eq(followUps.id, id))
				.run();
			continue;
		}
		const outcome = id % 10 === 3 ? 'partly' : id % 17 === 5 ? 'call_me' : 'went_well';
		db.update(followUps)
			.set({
				...asked,
				answeredAt: dueAt + (1 + (id % 3)) * 24 * HOUR,
				outcome,
				// Helpers tell how long it took: about the post's estimate (an hour or so when it
				// had none), so the reports and the volunteering statement show hours.
				minutes: byHelper ? (estimate ?? 60) + ((id % 3) - 1) * 15 : null,
				continuation: id % 4 === 0 ? 'yes' : 'not_needed',
				comment:
					outcome === 'went_well' && id % 5 !== 0
						? ''
						: FOLLOW_UP_COMMENTS[id % FOLLOW_UP_COMMENTS.length]!
			})
			.where(eq(followUps.id, id))
			.run();
	}
}
