import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { makeMessage } from '../testing/notify';
import { makeNeighbourhood } from '../testing/posts';
import { lastReached } from './last-reached';

describe('which channel reached a person last', () => {
	it('is the newest message sent to them, for everyone asked at once; failed and waiting ones do not count', () => {
		const db = createTestDb();
		const { resident } = makeNeighbourhood(db);
		const [maria, jef, lea, nobody] = ['Maria', 'Jef', 'Lea', 'Niemand'].map((n) => resident(n));
		makeMessage(db, { userId: maria!.id, channel: 'email', sentAt: 1000 });
		makeMessage(db, { userId: maria!.id, channel: 'sms', sentAt: 3000 });
		makeMessage(db, { userId: maria!.id, channel: 'push', sentAt: 2000 });
		makeMessage(db, { userId: maria!.id, channel: 'push', sentAt: 9000, status: 'failed' });
		makeMessage(db, { userId: jef!.id, channel: 'email', sentAt: 500 });
		makeMessage(db, { userId: jef!.id, channel: 'sms', sentAt: 9000, status: 'pending' });
		// A letter reached someone once it was printed (then it is marked sent).
		makeMessage(db, { userId: lea!.id, channel: 'letter', sentAt: 4000 });
		makeMessage(db, { userId: lea!.id, channel: 'letter', sentAt: 8000, status: 'pending' });

		const found = lastReached(db, [maria!.id, jef!.id, lea!.id, nobody!.id, maria!.id]);
		expect(Object.fromEntries(found)).toEqual({
			[maria!.id]: { channel: 'sms', at: 3000 },
			[jef!.id]: { channel: 'email', at: 500 },
			[lea!.id]: { channel: 'letter', at: 4000 }
		});
		expect(lastReached(db, [])).toEqual(new Map());
	});
});
