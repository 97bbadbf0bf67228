import type { Channel } from '$lib/notify/channels';
import type { DB } from '../db/client';
import { outbox, type OutboxStatus } from '../db/schema';
import { newId } from '../ids';

let seq = 0;

/** One outbox row to a person on a channel, as the worker leaves it (sent at `sentAt` by default). */
export function makeMessage(
	db: DB,
	fields: { userId: string | null; channel: Channel; sentAt: number; status?: OutboxStatus }
): void {
	const status = fields.status ?? 'sent';
	seq++;
	db.insert(outbox)
		.values({
			messageId: `<${newId()}@test>`,
			toAddress: fields.channel === 'letter' ? '' : `to-${seq}`,
			userId: fields.userId,
			kind: 'test',
			locale: 'nl',
			subject: `Bericht ${seq}`,
			textBody: 'Hallo',
			htmlBody: '<p>Hallo</p>',
			channel: fields.channel,
			status,
			nextAttemptAt: fields.sentAt,
			createdAt: fields.sentAt,
			sentAt: status === 'sent' ? fields.sentAt : null
		})
		.run();
}
