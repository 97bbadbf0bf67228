import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { volunteeringStatement } from '$lib/server/volunteers/statement';
import { statementHtml, statementText } from '$lib/server/volunteers/statement-text';
import type { RequestHandler } from './$types';

/** One's own statement as a self-contained HTML file, the same words as the page. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const statement = volunteeringStatement(db, user.id, getLocale(), clock.now());
	if (!statement) error(404, 'not found');
	return new Response(statementHtml(statementText(statement, getLocale())), {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-disposition': `attachment; filename="naburig-statement-${statement.today}.html"`,
			'cache-control': 'private, no-store'
		}
	});
};
