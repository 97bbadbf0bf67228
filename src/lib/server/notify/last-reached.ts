import { sql } from 'drizzle-orm';
import type { Channel } from '$lib/notify/channels';
import type { DbOrTx } from '../db/client';

export interface LastReached {
	channel: Channel;
	at: number;
}

/**
 * Per person, the channel of the newest message that reached them and when: the newest outbox
 * row with status 'sent' (a letter counts once marked printed). One query for all the people,
 * so Today asks once for all its tasks. People never reached are left out of the map.
 */
export function lastReached(db: DbOrTx, personIds: readonly string[]): Map<string, LastReached> {
	if (personIds.length === 0) return new Map();
	// SQLite gives the bare columns of a max() aggregate from the row that has the max.
	const rows = db.all<{ userId: string; channel: Channel; at: number }>(sql`
		SELECT user_id AS userId, channel, max(sent_at) AS at
		FROM outbox
		WHERE user_id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(personIds)])}))
			AND status = 'sent' AND sent_at IS NOT NULL
		GROUP BY user_id`);
	return new Map(rows.map((r) => [r.userId, { channel: r.channel, at: r.at }]));
}
