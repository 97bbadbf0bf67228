import { sql } from 'drizzle-orm';
import type { DbOrTx } from './db/client';
import { log } from './log';
import { outboxBacklog } from './mail/outbox';
import { setSetting } from './settings';

export interface Health {
	status: 'ok' | 'error';
	database: 'ok' | 'error';
	/** What SQLite said when the database failed. */
	error?: string;
	outbox?: ReturnType<typeof outboxBacklog>;
}

/**
 * For monitoring: can the database be read and still store something, and how much mail waits?
 * Reading alone goes on working on a full disk, so a small write must commit too (one row, the
 * time of the last check). A failure is logged with SQLite's reason.
 */
export function checkHealth(db: DbOrTx, now: number): Health {
	try {
		db.get(sql`select 1`);
		setSetting(db, 'health_probe', String(now));
	} catch (e) {
		const error = e instanceof Error ? e.message : String(e);
		log.error('health.database_failed', { error });
		let outbox: Health['outbox'];
		try {
			outbox = outboxBacklog(db, now);
		} catch {
			// Not even readable: the database error above says it all.
		}
		return { status: 'error', database: 'error', error, outbox };
	}
	return { status: 'ok', database: 'ok', outbox: outboxBacklog(db, now) };
}
