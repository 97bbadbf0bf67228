import { outbox } from '../db/schema';
import type { DbOrTx } from '../db/client';
import { randomToken } from '../ids';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

/**
 * "Send a test message": a push row for every device of the person, through the outbox like any
 * other message (at once: the person just asked, so quiet hours do not hold it).
 */
export function queueTestPush(
	db: DbOrTx,
	userId: string,
	locale: Locale,
	url: string,
	now: number
): void {
	db.insert(outbox)
		.values({
			messageId: `<${randomToken(16)}@naburig>`,
			channel: 'push',
			topic: 'other',
			kind: 'test_push',
			toAddress: userId,
			userId,
			locale,
			subject: m.push_test_title({}, { locale }),
			shortText: m.push_test_body({}, { locale }),
			textBody: m.push_test_body({}, { locale }),
			htmlBody: '',
			url,
			nextAttemptAt: now,
			createdAt: now
		})
		.run();
}
