import { and, eq, gte, isNull } from 'drizzle-orm';
import { isolate } from '$lib/i18n';
import { gatheringTitle } from '$lib/volunteers/gathering-title';
import { gatherings, gatheringSignups, neighbourhoods } from '../db/schema';
import { feedUid, type FeedEvent, type FeedSource } from './events';

/**
 * The gatherings the person is signed up for (not waiting, not cancelled, not called off): its
 * kind (or the broker's name for it) in the reader's language, from start to end, at its place.
 */
export const ownGatherings: FeedSource<{ userId: string }> = (db, { userId }, reader) =>
	db
		.select({ g: gatherings, timeZone: neighbourhoods.timeZone })
		.from(gatheringSignups)
		.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, gatherings.neighbourhoodId))
		.where(
			and(
				eq(gatheringSignups.userId, userId),
				eq(gatheringSignups.status, 'signed_up'),
				isNull(gatherings.cancelledAt),
				gte(gatherings.endsAt, reader.since)
			)
		)
		.all()
		.map(({ g, timeZone }): FeedEvent => ({
			uid: feedUid(`gathering-${g.id}`, reader.origin),
			summary: gatheringTitle(g, reader.locale),
			url: `${reader.origin}/gatherings/${g.id}`,
			location: isolate(g.place, reader.locale),
			when: { at: g.startsAt, until: g.endsAt, timeZone }
		}));
