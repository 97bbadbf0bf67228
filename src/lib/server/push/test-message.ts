import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { insertMessageRow } from '../notify/rows';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

/**
 * "Send a test message": a push row for every device of the person, through the outbox like any
 * other message. As an account message: the person at the screen asked for it, so quiet hours do
 * not hold it, and when it cannot be delivered nobody gets a call task and no other channel tries.
 */
export function queueTestPush(
	db: DbOrTx,
	userId: string,
	locale: Locale,
	url: string,
	now: number
): void {
	const person = db.select().from(users).where(eq(users.id, userId)).get();
	if (!person) return;
	const body = m.push_test_body({}, { locale });
	insertMessageRow(
		db,
		person,
		'push',
		{
			kind: 'test_push',
			topic: 'account',
			locale,
			toName: person.displayName,
			subject: m.push_test_title({}, { locale }),
			text: body,
			html: '',
			short: body,
			url,
			unsubscribeUrl: null
		},
		[],
		now
	);
}
