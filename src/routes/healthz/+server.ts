import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { checkHealth } from '$lib/server/health';
import { backupStatus } from '$lib/server/backup/store';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

/**
 * For monitoring: is the database answering and storing, how much mail is waiting, and how old
 * is the last good backup (null when there is none; alert on its age, it never fails the check)?
 */
export const GET: RequestHandler = () => {
	const now = clock.now();
	const health = checkHealth(db, now);
	return json(
		{ ...health, backup: backupStatus(config.BACKUP_DIR, now) },
		{
			status: health.status === 'ok' ? 200 : 503,
			headers: { 'cache-control': 'no-store' }
		}
	);
};
