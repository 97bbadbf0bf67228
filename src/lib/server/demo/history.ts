import { TZDate } from '@date-fns/tz';
import { format, subMonths } from 'date-fns';
import { inArray } from 'drizzle-orm';
import type { DB } from '../db/client';
import { categories, users } from '../db/schema';
import { createPost } from '../posts/create';
import { closePost, expireDuePosts } from '../posts/lifecycle';
import { acceptResponse, declineResponse, endMatch, respond } from '../posts/responses';
import { localInstant } from '../posts/timing';
import { HISTORY_MONTHS, historyMonth } from './history-pattern';

const HOUR = 3_600_000;
const AUTHORS = [
	'maria@naburig.example',
	'annie@naburig.example',
	'fatima@naburig.example',
	'mehmet@naburig.example',
	'thomas@naburig.example'
];
const HELPERS = [
	'jozef@naburig.example',
	'sofie@naburig.example',
	'lotte@naburig.example',
	'youssef@naburig.example'
];
const CATEGORIES = ['shopping', 'social-contact', 'small-jobs', 'transport', 'garden', 'paperwork'];
const TITLES: Record<string, string> = {
	shopping: 'Boodschappen meebrengen',
	'social-contact': 'Een babbel en een tas koffie',
	'small-jobs': 'Een klein klusje in huis',
	transport: 'Rit naar de dokter',
	garden: 'Hulp in de tuin',
	paperwork: 'Hulp bij een brief van de mutualiteit'
};

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
			.where(inArray(users.email, [...AUTHORS, ...HELPERS]))
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
	const thisMonth = format(new TZDate(now, timeZone), 'yyyy-MM-01');
	let n = 0;
	for (let ago = HISTORY_MONTHS; ago >= 1; ago--) {
		const month = format(subMonths(new Date(`${thisMonth}T12:00:00Z`), ago), 'yyyy-MM');
		const plan = historyMonth(ago);
		const day = (i: number) => `${month}-${String(2 + ((i * 3) % 24)).padStart(2, '0')}`;
		for (let i = 0; i < plan.requests + plan.offers; i++) {
			const kind = i < plan.requests ? 'request' : 'offer';
			const slug = CATEGORIES[(ago + i) % CATEGORIES.length]!;
			const authorId = ids.get(AUTHORS[(ago + i) % AUTHORS.length]!)!;
			const helperId = ids.get(HELPERS[(ago * 2 + i) % HELPERS.length]!)!;
			const at = localInstant(day(i), '10:00', timeZone);
			const made = createPost(
				db,
				authorId,
				{
					kind,
					categoryId: cats.get(slug)!,
					title:
						kind === 'request' ? TITLES[slug]! : `Ik help graag: ${TITLES[slug]!.toLowerCase()}`,
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
}
