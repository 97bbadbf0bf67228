import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { log } from '$lib/server/log';
import { exportPersonalData } from '$lib/server/privacy/export';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

/** "Download my data": everything stored about the signed-in person, as a JSON file. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const now = clock.now();
	const data = exportPersonalData(db, user.id, now);
	log.info('privacy.data_exported', { user: user.id });
	const day = new Date(now).toISOString().slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="naburig-data-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
