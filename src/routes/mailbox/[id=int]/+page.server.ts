import { error } from '@sveltejs/kit';
import { requireMailboxAccess } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { isDemo } from '$lib/server/demo/mode';
import { getMailboxMail } from '$lib/server/mail/mailbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireMailboxAccess(event, isDemo(db));
	event.setHeaders({ 'cache-control': 'no-store' });
	const mail = getMailboxMail(db, Number(event.params.id));
	if (!mail) error(404, 'not found');
	return { mail };
};
