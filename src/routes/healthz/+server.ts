import { json } from '@sveltejs/kit';
import { db, sqlite } from '$lib/server/db';
import { outboxBacklog } from '$lib/server/mail/outbox';
import { backupStatus } from '$lib/server/backup/store';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

/**
 * For monitoring: is the database answering, how much mail is waiting, and how old is the last
 * good backup (null when there is none; alert on its age, it never fails the check)?
 */
export const GET: RequestHandler = () => {
	try {
		const check = sqlite.prepare('select 1 as ok').get() as { ok: number };
		const outbox = outboxBacklog(db, clock.now());
		const backup = backupStatus(config.BACKUP_DIR, clock.now());
		return json(
			{ status: 'ok', database: check.ok === 1 ? 'ok' : 'error', outbox, backup },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (e) {
		return json(
			{ status: 'error', database: 'error', error: e instanceof Error ? e.message : String(e) },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
