import { eq, or, sql } from 'drizzle-orm';
import { preparedOnce, type DbOrTx } from '../db/client';
import { blocks, neighbourhoods, users } from '../db/schema';
import type { Viewer } from './list';
import { DEFAULT_TIME_ZONE } from '../calendar';

const viewerPlace = preparedOnce((db) =>
	db
		.select({ lat: users.exactLat, lon: users.exactLon, timeZone: neighbourhoods.timeZone })
		.from(users)
		.leftJoin(neighbourhoods, eq(users.neighbourhoodId, neighbourhoods.id))
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

const anyBlock = preparedOnce((db) =>
	db
		.select({ x: blocks.blockerId })
		.from(blocks)
		.where(
			or(
				eq(blocks.blockerId, sql.placeholder('userId')),
				eq(blocks.blockedId, sql.placeholder('userId'))
			)
		)
		.limit(1)
		.prepare()
);

/** Where the viewer lives and the zone the dates are in. */
export function viewerOf(db: DbOrTx, userId: string): Viewer {
	const row = viewerPlace(db).get({ userId });
	const blocked = anyBlock(db).get({ userId });
	return {
		id: userId,
		hasBlocks: blocked !== undefined,
		point: row?.lat != null && row.lon != null ? { lat: row.lat, lon: row.lon } : null,
		timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE
	};
}

/** Where the map opens for someone without a place: their neighbourhood, or the first one. */
export function neighbourhoodCentre(db: DbOrTx, userId: string): { lat: number; lon: number } {
	const own = db
		.select({ lat: neighbourhoods.centreLat, lon: neighbourhoods.centreLon })
		.from(users)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, userId))
		.get();
	const any =
		own ??
		db
			.select({ lat: neighbourhoods.centreLat, lon: neighbourhoods.centreLon })
			.from(neighbourhoods)
			.orderBy(neighbourhoods.id)
			.get();
	return any ?? { lat: 51.0336, lon: 4.4853 };
}
