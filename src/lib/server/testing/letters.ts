import type { DB } from '../db/client';
import { outbox, type OutboxRow } from '../db/schema';
import { randomToken } from '../ids';

/**
 * A letter waiting to be printed, as the notify core queues one for a person who is reached by
 * letter: channel 'letter', no address, the whole letter in `textBody`, what it is about in `about`.
 */
export function makeLetter(
	db: DB,
	person: { id: string; locale?: string | null },
	fields: {
		kind?: string;
		subject?: string;
		text?: string;
		followUpId?: number;
		postId?: number;
		at?: number;
	} = {}
): OutboxRow {
	const at = fields.at ?? 0;
	const about = {
		...(fields.followUpId ? { followUpId: fields.followUpId } : {}),
		...(fields.postId ? { postId: fields.postId } : {})
	};
	return db.transaction(
		(tx) =>
			tx
				.insert(outbox)
				.values({
					messageId: `<${randomToken(16)}@naburig>`,
					toAddress: '',
					userId: person.id,
					kind: fields.kind ?? 'follow_up',
					locale: person.locale ?? 'nl',
					subject: fields.subject ?? 'Hoe ging het met Jan?',
					textBody: fields.text ?? 'Dag Rosa,\n\nHoe ging het met Jan?\n\nDe buurtwerker',
					htmlBody: '',
					channel: 'letter',
					topic: fields.followUpId ? 'follow_up' : 'other',
					about: JSON.stringify(about),
					nextAttemptAt: at,
					createdAt: at
				})
				.returning()
				.all()[0]!
	);
}
