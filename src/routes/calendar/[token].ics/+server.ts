import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { readFeed } from '$lib/server/calendar-feeds/read';
import type { RequestHandler } from './$types';

// security: no sign-in (Google Calendar fetches it from its own servers, without cookies): the
// secret address is the permission, and a wrong, stopped or no longer allowed one is a 404.
export const GET: RequestHandler = ({ params, url }) => {
	const answer = readFeed(db, params.token, url.origin, clock.now());
	if (!answer.ok)
		return new Response(answer.status === 404 ? 'Not found' : 'Too many requests', {
			status: answer.status,
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'private, no-store',
				...(answer.status === 429 ? { 'retry-after': '60' } : {})
			}
		});
	return new Response(answer.ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="naburig.ics"',
			// Personal: never kept by a shared cache, nor by the browser.
			'cache-control': 'private, no-store'
		}
	});
};
