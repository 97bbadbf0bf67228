import { requireMailboxAccess } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { isDemo } from '$lib/server/demo/mode';
import { listMailbox } from '$lib/server/mail/mailbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireMailboxAccess(event, isDemo(db));
	event.setHeaders({ 'cache-control': 'no-store' });
	return { mails: listMailbox(db) };
};
