import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { followUps, users } from '../db/schema';
import { followUpContext } from './worker';

/** A follow-up with its match and every follow-up of that match, for the broker's page. */
export function followUpForBroker(db: DbOrTx, followUpId: number) {
	const followUp = db.select().from(followUps).where(eq(followUps.id, followUpId)).get();
	if (!followUp) return null;
	const { match, post, person } = followUpContext(db, followUp);
	const names = new Map(
		db
			.select({ id: users.id, name: users.displayName })
			.from(users)
			.where(eq(users.id, match.helperId))
			.union(
				db
					.select({ id: users.id, name: users.displayName })
					.from(users)
					.where(eq(users.id, match.requesterId))
			)
			.all()
			.map((u) => [u.id, u.name])
	);
	const all = db
		.select()
		.from(followUps)
		.where(eq(followUps.matchId, match.id))
		.orderBy(asc(followUps.round), asc(followUps.id))
		.all();
	return {
		followUp,
		match,
		post,
		person,
		helperName: names.get(match.helperId) ?? '',
		requesterName: names.get(match.requesterId) ?? '',
		all: all.map((f) => ({ ...f, name: names.get(f.userId) ?? '' }))
	};
}
