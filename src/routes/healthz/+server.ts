import { json } from '@sveltejs/kit';
import { db, sqlite } from '$lib/server/db';
import { outboxBacklog } from '$lib/server/mail/outbox';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

/** For monitoring: is the database answering, and how much mail is waiting? */
export const GET: RequestHandler = () => {
	try {
		const check = sqlite.prepare('select 1 as ok').get() as { ok: number };
		const outbox = outboxBacklog(db, clock.now());
		return json(
			{ status: 'ok', database: check.ok === 1 ? 'ok' : 'error', outbox },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (e) {
		return json(
			{ status: 'error', database: 'error', error: e instanceof Error ? e.message : String(e) },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
