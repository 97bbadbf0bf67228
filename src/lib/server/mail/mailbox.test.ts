import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { requestPhoneCode } from '../sms/verify';
import { getMailboxMail, listMailbox } from './mailbox';

describe('the built-in mailbox', () => {
	it('lists an SMS with its channel, number, text and parts', () => {
		const db = createTestDb();
		const user = insertTestUser(db, { locale: 'en' });
		db.transaction((tx) => requestPhoneCode(tx, user.id, '0470 11 22 33', 0));
		const [sms] = listMailbox(db);
		expect(sms).toMatchObject({ channel: 'sms', toAddress: '+32470112233', segments: 1 });
		expect(sms!.shortText).toMatch(/^Your Naburig code: \d{6}\./);
		expect(getMailboxMail(db, sms!.id)).toMatchObject({ channel: 'sms', segments: 1 });
	});
});
