import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { getSetting } from '../settings';
import { vapidKeys, vapidSubject } from './vapid';

describe('VAPID keys', () => {
	it('are made once, kept in the database and the same on every later call', () => {
		const db = createTestDb();
		const first = vapidKeys(db);
		// A P-256 public key (65 bytes) and private key (32 bytes), base64url.
		expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
		expect(Buffer.from(first.privateKey, 'base64url')).toHaveLength(32);
		expect(vapidKeys(db)).toEqual(first);
		expect(JSON.parse(getSetting(db, 'push.vapid_keys')!)).toEqual(first);
	});

	it('differ between installations', () => {
		expect(vapidKeys(createTestDb()).publicKey).not.toBe(vapidKeys(createTestDb()).publicKey);
	});
});

describe('the VAPID contact', () => {
	it('is the sender address of MAIL_FROM', () => {
		expect(vapidSubject('Buurt Oud-Oefenplein <buurt@example.org>', 'https://b.example')).toBe(
			'mailto:buurt@example.org'
		);
		expect(vapidSubject('buurt@example.org', 'https://b.example')).toBe('mailto:buurt@example.org');
	});

	it('is the site’s address when MAIL_FROM has none', () => {
		expect(vapidSubject('Naburig', 'https://buurt.example.org')).toBe('https://buurt.example.org');
		expect(vapidSubject(undefined, 'https://buurt.example.org')).toBe('https://buurt.example.org');
	});
});
