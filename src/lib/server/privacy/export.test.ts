import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { emailTokens, sessions } from '../db/schema';
import { EXPORT_SECTIONS, exportPersonalData } from './export';
import { insertFullPerson } from './test-person';

describe('downloading my data', () => {
	it('contains the person’s profile, neighbourhood, categories, sessions and mails', () => {
		const db = createTestDb();
		const { person } = insertFullPerson(db, 1_000);
		insertTestUser(db, { displayName: 'Jozef', email: 'jozef@test.example' });
		const data = exportPersonalData(db, person.id, Date.UTC(2026, 0, 2));

		expect(data.format).toBe('naburig-personal-data/1');
		expect(data.exportedAt).toBe('2026-01-02T00:00:00.000Z');
		expect(data.profile).toMatchObject({
			id: person.id,
			displayName: 'Maria Janssens',
			email: 'maria@test.example',
			phone: '015 41 22 87',
			languages: ['nl', 'fr'],
			availability: ['mon-afternoon'],
			about: 'Ik hou van een babbel.',
			street: 'Kazernestraat',
			houseNumber: '7',
			exactLocation: { lat: 51.0336, lon: 4.4853 },
			createdAt: '1970-01-01T00:00:00.100Z'
		});
		expect(data.neighbourhood).toEqual({ name: 'Oud-Oefenplein' });
		expect(data.helpsWith).toEqual([{ category: 'shopping', name: 'Boodschappen' }]);
		expect(data.brokerOf).toEqual([{ name: 'Oud-Oefenplein' }]);
		expect(data.sessions).toEqual([
			{ createdAt: '1970-01-01T00:00:01.000Z', expiresAt: expect.any(String) }
		]);
		expect(data.emailLinks).toEqual([
			expect.objectContaining({
				purpose: 'change_email',
				email: 'maria.nieuw@test.example',
				usedAt: null
			})
		]);
		expect(data.mails).toEqual([
			expect.objectContaining({ subject: 'Welkom, Maria', sentAt: null })
		]);
		expect(JSON.stringify(data)).not.toContain('Jozef');
	});

	it('never contains the password hash, session secrets or link hashes', () => {
		const db = createTestDb();
		const { person } = insertFullPerson(db);
		const text = JSON.stringify(exportPersonalData(db, person.id, 0));
		expect(text).not.toContain('passwordHash');
		expect(text).not.toContain('argon2');
		const secrets = [
			...db
				.select({ h: sessions.secretHash, id: sessions.id })
				.from(sessions)
				.all()
				.flatMap((s) => [s.h, s.id]),
			...db
				.select({ h: emailTokens.tokenHash })
				.from(emailTokens)
				.all()
				.map((t) => t.h)
		];
		expect(secrets.length).toBeGreaterThan(0);
		for (const secret of secrets) expect(text).not.toContain(secret);
	});

	it('has a section for every part of the site that registered one', () => {
		const db = createTestDb();
		const { person } = insertFullPerson(db);
		const extra = { key: 'loans', collect: () => [{ item: 'ladder' }] };
		const data = exportPersonalData(db, person.id, 0, [...EXPORT_SECTIONS, extra]);
		expect(Object.keys(data)).toEqual([
			'format',
			'exportedAt',
			...EXPORT_SECTIONS.map((s) => s.key),
			'loans'
		]);
		expect(data.loans).toEqual([{ item: 'ladder' }]);
	});
});
