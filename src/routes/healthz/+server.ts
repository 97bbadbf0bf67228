import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

/** For monitoring: is the database answering and storing, and how much mail is waiting? */
export const GET: RequestHandler = () => {
	const health = checkHealth(db, clock.now());
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
