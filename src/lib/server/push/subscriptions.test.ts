import { describe, expect, it } from 'vitest';
import { pushSubscriptions } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { hashToken } from '../ids';
import { deviceOf } from './device';
import { listDevices, removeSubscription, saveSubscription } from './subscriptions';

const PHONE = { endpoint: 'https://push.example/abc', p256dh: 'key-1', auth: 'auth-1' };

describe('push subscriptions', () => {
	it('lists a person’s devices with their browser and system, never the endpoint', () => {
		const db = createTestDb();
		const maria = insertTestUser(db);
		saveSubscription(db, maria.id, PHONE, 'Chrome/Android', 1000);
		saveSubscription(
			db,
			maria.id,
			{ ...PHONE, endpoint: 'https://push.example/def' },
			'Firefox/Windows',
			2000
		);
		const devices = listDevices(db, maria.id);
		expect(devices.map((d) => [d.browser, d.system, d.createdAt])).toEqual([
			['Firefox', 'Windows', 2000],
			['Chrome', 'Android', 1000]
		]);
		expect(devices[1]!.endpointHash).toBe(hashToken(PHONE.endpoint));
		expect(JSON.stringify(devices)).not.toContain('push.example');
	});

	it('saving the same browser again updates it instead of adding a device', () => {
		const db = createTestDb();
		const maria = insertTestUser(db);
		saveSubscription(db, maria.id, PHONE, 'Chrome/Android', 1000);
		saveSubscription(db, maria.id, { ...PHONE, p256dh: 'key-2' }, 'Chrome/Android', 2000);
		const rows = db.select().from(pushSubscriptions).all();
		expect(rows.map((r) => [r.userId, r.p256dh, r.createdAt])).toEqual([[maria.id, 'key-2', 2000]]);
	});

	it('a browser someone else used before now reaches only the new person', () => {
		const db = createTestDb();
		const maria = insertTestUser(db);
		const jozef = insertTestUser(db);
		saveSubscription(db, maria.id, PHONE, 'Chrome/Android', 1000);
		saveSubscription(db, jozef.id, PHONE, 'Chrome/Android', 2000);
		expect(listDevices(db, maria.id)).toEqual([]);
		expect(listDevices(db, jozef.id)).toHaveLength(1);
	});

	it('removes only one’s own device', () => {
		const db = createTestDb();
		const maria = insertTestUser(db);
		const jozef = insertTestUser(db);
		saveSubscription(db, maria.id, PHONE, 'Chrome/Android', 1000);
		const [phone] = listDevices(db, maria.id);
		expect(removeSubscription(db, jozef.id, phone!.id)).toBe(false);
		expect(listDevices(db, maria.id)).toHaveLength(1);
		expect(removeSubscription(db, maria.id, phone!.id)).toBe(true);
		expect(listDevices(db, maria.id)).toEqual([]);
	});
});

describe('naming a device from its User-Agent', () => {
	it.each([
		[
			'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
			'Chrome',
			'Android'
		],
		[
			'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
			'Samsung Internet',
			'Android'
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
			'Safari',
			'iPhone'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
			'Edge',
			'Windows'
		],
		['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox', 'Linux'],
		['curl/8.5.0', '', '']
	])('%s', (ua, browser, system) => {
		expect(deviceOf(ua)).toEqual({ browser, system });
	});
});
