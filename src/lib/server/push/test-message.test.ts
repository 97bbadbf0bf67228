import { describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { queueTestPush } from './test-message';

describe('the test message', () => {
	it('is one push row to the person, at once, in their language, pointing back to the page', () => {
		const db = createTestDb();
		const maria = insertTestUser(db);
		const at = Date.UTC(2026, 11, 4, 23, 30); // in the night: quiet hours do not hold it
		queueTestPush(db, maria.id, 'en', 'http://localhost/account/push', at);
		const rows = db.select().from(outbox).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			channel: 'push',
			topic: 'account',
			toAddress: maria.id,
			subject: 'Test message from Naburig',
			shortText: 'This is how a message from Naburig looks on your phone.',
			url: 'http://localhost/account/push',
			nextAttemptAt: at,
			fallback: '[]'
		});
	});
});
