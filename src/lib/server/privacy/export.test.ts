import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { emailTokens, followUpLinks, recoveryCodes, sessions } from '../db/schema';
import { PERSONAL_DATA } from './personal-data';
import { EXPORT_SECTIONS, exportPersonalData } from './export';
import { makeFullPerson } from '../testing/person';

describe('downloading my data', () => {
	it('contains the person’s profile, neighbourhood, categories, sessions and mails', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db, 1_000);
		insertTestUser(db, { displayName: 'Hendrik', email: 'hendrik@test.example' });
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
		expect(JSON.stringify(data)).not.toContain('Hendrik');
	});

	it('never contains the password hash, session secrets or link hashes', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const text = JSON.stringify(exportPersonalData(db, person.id, 0));
		expect(text).not.toContain('passwordHash');
		expect(text).not.toContain('argon2');
		expect(text).not.toContain('maria-totp-key');
		expect(text).not.toContain(Buffer.from('maria-totp-key').toString('base64'));
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
				.map((t) => t.h),
			...db
				.select({ h: recoveryCodes.codeHash })
				.from(recoveryCodes)
				.all()
				.map((c) => c.h),
			...db
				.select({ h: followUpLinks.tokenHash })
				.from(followUpLinks)
				.all()
				.map((l) => l.h)
		];
		expect(secrets.length).toBeGreaterThan(0);
		for (const secret of secrets) expect(text).not.toContain(secret);
	});

	it('has a section for every part of the site that registered one', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const extra = { key: 'later', collect: () => [{ item: 'ladder' }] };
		const data = exportPersonalData(db, person.id, 0, [...EXPORT_SECTIONS, extra]);
		expect(Object.keys(data)).toEqual([
			'format',
			'exportedAt',
			...EXPORT_SECTIONS.map((s) => s.key),
			'later'
		]);
		expect(data.later).toEqual([{ item: 'ladder' }]);
	});

	it('has something in every section the list of personal data names, for a person with a row in every table', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const data = exportPersonalData(db, person.id, 0);
		const sections = new Set(
			Object.values(PERSONAL_DATA).flatMap((columns) =>
				Object.values(columns).flatMap((c) => (typeof c.download === 'string' ? [c.download] : []))
			)
		);
		const empty = [...sections].filter((key) => {
			const value = data[key];
			return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
		});
		expect(empty).toEqual([]);
	});

	it('holds her loans, waiting list, agreements, proposals, carers, consent and signals', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const data = exportPersonalData(db, person.id, 0);
		expect(data.loans).toEqual([
			expect.objectContaining({ tool: 'Boormachine', status: 'returned', startDate: '2020-01-01' }),
			expect.objectContaining({ tool: 'Boormachine', status: 'reserved' })
		]);
		expect(data.toolWaitlist).toEqual([expect.objectContaining({ tool: 'Ladder' })]);
		expect(data.agreementsAccepted).toEqual([
			expect.objectContaining({ neighbourhood: 'Oud-Oefenplein', version: 1, method: 'paper' })
		]);
		expect(data.proposals).toEqual([
			expect.objectContaining({ note: 'Maria, Jozef hoort slecht' })
		]);
		expect(data.carers).toEqual([
			expect.objectContaining({ role: 'acts_for_me', person: 'Jozef Peeters' })
		]);
		expect(data.consent).toEqual({ recordedAt: expect.any(String) });
		expect(data.signalsFiled).toEqual([
			expect.objectContaining({ about: 'meneer uit nummer 9', body: 'Hij vereenzaamt.' })
		]);
		expect(data.twoFactor).toMatchObject({ on: true, recoveryCodes: [expect.any(Object)] });
		// Confidential notes are for brokers only, never in the download.
		expect(JSON.stringify(data)).not.toContain('Maria belt liever');
		// Who reported her, and what they wrote, stays out.
		expect(JSON.stringify(data.reportsAboutMe)).not.toContain('Maria kwam niet');
	});
});
