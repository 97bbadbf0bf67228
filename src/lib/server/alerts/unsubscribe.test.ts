import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { alertSettingsOf, saveAlertSettings } from './settings';
import {
	unsubscribeByToken,
	unsubscribeToken,
	unsubscribeTokenOwner,
	unsubscribeUrl
} from './unsubscribe';
import { getSetting } from '../settings';

function withAlerts() {
	const db = createTestDb();
	const person = insertTestUser(db);
	const other = insertTestUser(db);
	for (const p of [person, other])
		saveAlertSettings(db, p.id, { rhythm: 'daily', distanceMeters: 1000, categories: [] }, 0);
	return { db, person, other };
}

describe('the one-click unsubscribe link', () => {
	it('stops the alerts of the person it was made for, and only theirs', () => {
		const { db, person, other } = withAlerts();
		const token = unsubscribeToken(db, person.id);
		expect(unsubscribeUrl(db, 'https://buurt.example', person.id)).toBe(
			`https://buurt.example/unsubscribe/${token}`
		);
		expect(unsubscribeTokenOwner(db, token)).toBe(person.id);
		expect(unsubscribeByToken(db, token, 10)).toBe('stopped');
		expect(alertSettingsOf(db, person.id).rhythm).toBe('never');
		expect(alertSettingsOf(db, other.id).rhythm).toBe('daily');
		expect(unsubscribeByToken(db, token, 20)).toBe('already');
	});

	it('refuses a token that was changed or made up', () => {
		const { db, person, other } = withAlerts();
		const token = unsubscribeToken(db, person.id);
		const mac = token.slice(token.indexOf('.') + 1);
		const flipped = mac[0] === 'A' ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
		for (const bad of [
			`${other.id}.${mac}`, // someone else's id with this person's signature
			`${person.id}.${flipped}`,
			`${person.id}.${mac.slice(0, -1)}`,
			person.id,
			`.${mac}`,
			'',
			'x.y'
		]) {
			expect(unsubscribeTokenOwner(db, bad)).toBeNull();
			expect(unsubscribeByToken(db, bad, 10)).toBe('invalid');
		}
		expect(alertSettingsOf(db, other.id).rhythm).toBe('daily');
		expect(alertSettingsOf(db, person.id).rhythm).toBe('daily');
	});

	it("signs with this installation's own secret, made once on first use", () => {
		const { db, person } = withAlerts();
		expect(getSetting(db, 'alerts_unsubscribe_secret')).toBeUndefined();
		const token = unsubscribeToken(db, person.id);
		const secret = getSetting(db, 'alerts_unsubscribe_secret');
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(unsubscribeToken(db, person.id)).toBe(token);
		expect(getSetting(db, 'alerts_unsubscribe_secret')).toBe(secret);
		// Another installation (another secret) does not accept this one's links.
		const elsewhere = withAlerts();
		expect(unsubscribeTokenOwner(elsewhere.db, token)).toBeNull();
	});
});
