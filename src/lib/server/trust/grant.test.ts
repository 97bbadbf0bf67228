import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox, tasks, trustBadges } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { activeBadges } from './badges';
import { certificateExpiry, grantBadge, type GrantInput } from './grant';
import { badgeRecord } from './record';
import { revokeBadge } from './revoke';
import { deleteAccount } from '../privacy/delete';
import { makeTrustNeighbourhood } from '../testing/trust';

// Thursday 26 November 2026, 10:00 in Brussels.
const NOW = Date.UTC(2026, 10, 26, 9);
const ORIGIN = 'https://buurt.example';

function world(hood: { timeZone?: string; years?: number } = {}) {
	const db = createTestDb();
	const w = makeTrustNeighbourhood(db, hood);
	const grant = (fields: Partial<GrantInput>, now = NOW) =>
		grantBadge(
			db,
			{
				userId: w.helper.id,
				brokerId: w.broker.id,
				kind: 'met_in_person',
				checkedOn: '2026-11-20',
				note: 'Kennismaking bij hem thuis, identiteitskaart gezien.',
				...fields
			},
			now
		);
	return { db, ...w, grant };
}

describe('granting a badge', () => {
	it('stores the check date and the note, and logs it without the note', () => {
		const { db, grant, helper, broker } = world();
		const result = grant({});
		if (!result.ok) throw new Error(result.error);
		expect(result.badge.checkedAt).toBe(Date.UTC(2026, 10, 19, 23)); // midnight in Brussels
		expect(result.badge.note).toBe('Kennismaking bij hem thuis, identiteitskaart gezien.');
		expect(result.badge.expiresAt).toBeNull();
		expect(activeBadges(db, helper.id, NOW).map((b) => b.kind)).toEqual(['met_in_person']);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'badge.grant')).get()!;
		expect([audit.actorId, audit.subjectId]).toEqual([broker.id, helper.id]);
		expect(JSON.parse(audit.detail)).toMatchObject({
			kind: 'met_in_person',
			checkedOn: '2026-11-20'
		});
		expect(audit.detail).not.toContain('identiteitskaart');
	});

	it('lets a certificate of good conduct expire on the same local day, years later', () => {
		const { grant } = world();
		// Issued in summer time (UTC+2), expires in summer time three years later.
		const summer = grant({ kind: 'good_conduct', issuedOn: '2024-07-01', checkedOn: '2024-07-03' });
		expect(summer.ok && summer.badge.issuedAt).toBe(Date.UTC(2024, 5, 30, 22));
		expect(summer.ok && summer.badge.expiresAt).toBe(Date.UTC(2027, 5, 30, 22));
		// Issued in winter time (UTC+1): a naive "plus 3 × 365 days" would be a day early.
		const winter = grant({ kind: 'good_conduct', issuedOn: '2024-01-15', checkedOn: '2024-02-01' });
		expect(winter.ok && winter.badge.expiresAt).toBe(Date.UTC(2027, 0, 14, 23));
	});

	it('uses the neighbourhood’s own zone and validity period', () => {
		const { grant } = world({ timeZone: 'America/New_York', years: 5 });
		const r = grant({ kind: 'good_conduct', issuedOn: '2023-03-10', checkedOn: '2023-03-20' });
		// Midnight in New York: UTC−5 before the spring change, UTC−4 after it.
		expect(r.ok && r.badge.issuedAt).toBe(Date.UTC(2023, 2, 10, 5));
		expect(r.ok && r.badge.expiresAt).toBe(Date.UTC(2028, 2, 10, 5));
		// Issued after the 2023 change (12 March), expiring before the 2028 one (also 12 March).
		expect(certificateExpiry('2023-03-20', 5, 'America/New_York')).toBe(Date.UTC(2028, 2, 20, 4));
		expect(certificateExpiry('2023-03-11', 5, 'America/New_York')).toBe(Date.UTC(2028, 2, 11, 5));
	});

	it('refuses future dates, expired certificates and missing details, and stores nothing', () => {
		const { db, grant, broker } = world();
		expect(
			grant({ kind: 'good_conduct', issuedOn: '2026-11-27', checkedOn: '2026-11-26' })
		).toEqual({ ok: false, field: 'issuedOn', error: 'trust_err_future' });
		expect(grant({ checkedOn: '2026-11-27' })).toEqual({
			ok: false,
			field: 'checkedOn',
			error: 'trust_err_future'
		});
		// Three years from 2023-11-26 ended at midnight today.
		expect(
			grant({ kind: 'good_conduct', issuedOn: '2023-11-26', checkedOn: '2026-11-20' })
		).toEqual({ ok: false, field: 'issuedOn', error: 'trust_err_certificate_expired' });
		expect(
			grant({ kind: 'good_conduct', issuedOn: '2023-11-27', checkedOn: '2026-11-20' }).ok
		).toBe(true);
		db.delete(trustBadges).run();
		db.delete(auditLog).run();
		expect(
			grant({ kind: 'good_conduct', issuedOn: '2026-01-10', checkedOn: '2025-12-01' })
		).toEqual({ ok: false, field: 'checkedOn', error: 'trust_err_checked_before_issued' });
		expect(grant({ kind: 'good_conduct', checkedOn: '2026-11-20' })).toEqual({
			ok: false,
			field: 'issuedOn',
			error: 'err_required'
		});
		expect(grant({ checkedOn: '2026-02-30' })).toEqual({
			ok: false,
			field: 'checkedOn',
			error: 'trust_err_date'
		});
		expect(grant({ kind: 'training', issuedOn: '2026-10-01' })).toEqual({
			ok: false,
			field: 'label',
			error: 'err_required'
		});
		expect(grant({ userId: broker.id })).toEqual({ ok: false, error: 'self' });
		expect(db.select().from(trustBadges).all()).toEqual([]);
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('keeps a training’s name and date, in public only the name', () => {
		const { db, grant, helper } = world();
		const r = grant({
			kind: 'training',
			label: 'Discretie en beroepsgeheim',
			issuedOn: '2026-10-03'
		});
		expect(r.ok && r.badge.issuedAt).toBe(Date.UTC(2026, 9, 2, 22));
		expect(activeBadges(db, helper.id, NOW)).toEqual([
			{ kind: 'training', label: 'Discretie en beroepsgeheim', grantedAt: NOW }
		]);
	});

	it('replaces an older badge of the same kind and closes its expiry task', () => {
		const { db, grant, helper, hood } = world();
		const first = grant({ kind: 'good_conduct', issuedOn: '2024-01-15', checkedOn: '2024-02-01' });
		if (!first.ok) throw new Error('first');
		db.insert(tasks)
			.values({
				neighbourhoodId: hood.id,
				kind: 'badge_expiring',
				dedupeKey: `badge-expiring:${first.badge.id}`,
				createdAt: NOW,
				dueAt: NOW
			})
			.run();
		const second = grant(
			{ kind: 'good_conduct', issuedOn: '2026-11-02', checkedOn: '2026-11-25' },
			NOW + 1000
		);
		expect(second.ok && second.replaced).toEqual([first.badge.id]);
		expect(activeBadges(db, helper.id, NOW + 2000)).toEqual([
			{ kind: 'good_conduct', label: null, grantedAt: NOW + 1000 }
		]);
		const record = badgeRecord(db, helper.id, NOW + 2000);
		expect(record.current.map((b) => b.issuedAt)).toEqual([Date.UTC(2026, 10, 1, 23)]);
		expect(record.history.map((b) => [b.id, b.ended])).toEqual([[first.badge.id, 'replaced']]);
		expect(db.select().from(tasks).get()!.outcome).toBe('renewed');
	});

	it('replaces only a training of the same name: someone may hold several trainings', () => {
		const { db, grant, helper } = world();
		const training = (label: string, issuedOn: string, now: number) =>
			grant({ kind: 'training', label, issuedOn, checkedOn: issuedOn }, now);
		const first = training('EHBO', '2026-09-01', NOW);
		const other = training('Discretie', '2026-10-01', NOW + 1);
		expect(other.ok && other.replaced).toEqual([]);
		const renewed = training('EHBO', '2026-11-01', NOW + 2);
		expect(renewed.ok && renewed.replaced).toEqual([first.ok && first.badge.id]);
		expect(
			activeBadges(db, helper.id, NOW + 3)
				.map((b) => b.label)
				.sort()
		).toEqual(['Discretie', 'EHBO']);
	});
});

describe('revoking a badge', () => {
	it('records the confidential reason, logs it, and sends a kind mail without the reason', () => {
		const { db, grant, helper, broker } = world();
		const r = grant({});
		if (!r.ok) throw new Error('grant');
		const reason = 'Klacht van een bewoonster over zijn gedrag.';
		expect(
			revokeBadge(db, { badgeId: r.badge.id, brokerId: broker.id, reason }, ORIGIN, NOW)
		).toEqual({
			ok: true
		});
		const row = db.select().from(trustBadges).get()!;
		expect([row.revokedAt, row.revokedById, row.revokeReason]).toEqual([NOW, broker.id, reason]);
		expect(activeBadges(db, helper.id, NOW)).toEqual([]);

		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'badge.revoke')).get()!;
		expect(JSON.parse(audit.detail)).toEqual({ badgeId: r.badge.id, kind: 'met_in_person' });
		const mail = db.select().from(outbox).get()!;
		expect([mail.kind, mail.toAddress, mail.locale]).toEqual([
			'badge_revoked',
			'jozef@test.example',
			'nl'
		]);
		expect(mail.subject).toContain('Persoonlijk ontmoet');
		expect(mail.textBody).toContain('Hallo Jozef,');
		expect(mail.textBody).toContain(`${ORIGIN}/badges`);
		expect(mail.textBody).not.toContain('Klacht');

		const history = badgeRecord(db, helper.id, NOW).history;
		expect(history.map((h) => [h.ended, h.reason, h.endedBy])).toEqual([
			['revoked', reason, 'An Verhoeven']
		]);
		expect(
			revokeBadge(db, { badgeId: r.badge.id, brokerId: broker.id, reason }, ORIGIN, NOW)
		).toEqual({ ok: false, error: 'already_revoked' });
		// From another person's page, the badge is not found.
		expect(
			revokeBadge(
				db,
				{ badgeId: r.badge.id, userId: broker.id, brokerId: broker.id, reason },
				ORIGIN,
				NOW
			)
		).toEqual({ ok: false, error: 'not_found' });
		expect(
			revokeBadge(db, { badgeId: r.badge.id, brokerId: broker.id, reason: ' ' }, ORIGIN, NOW)
		).toEqual({
			ok: false,
			error: 'no_reason'
		});
		expect(db.select().from(outbox).all()).toHaveLength(1);
	});

	it('becomes a call task for someone without e-mail', () => {
		const { db, broker, resident } = world();
		const phoneOnly = resident('Rosalie', { email: null });
		const r = grantBadge(
			db,
			{
				userId: phoneOnly.id,
				brokerId: broker.id,
				kind: 'phone_verified',
				checkedOn: '2026-11-26',
				note: 'Teruggebeld.'
			},
			NOW
		);
		if (!r.ok) throw new Error('grant');
		revokeBadge(
			db,
			{ badgeId: r.badge.id, brokerId: broker.id, reason: 'Nummer klopt niet meer' },
			ORIGIN,
			NOW
		);
		expect(db.select().from(outbox).all()).toEqual([]);
		const task = db.select().from(tasks).get()!;
		expect([task.kind, task.subjectUserId]).toEqual(['call_resident', phoneOnly.id]);
		expect(JSON.parse(task.details).mailKind).toBe('badge_revoked');
	});
});

describe('deleting an account', () => {
	it('removes the person’s badges with the brokers’ notes', () => {
		const { db, grant, helper } = world();
		grant({});
		expect(deleteAccount(db, helper.id, NOW)).toBe(true);
		expect(db.select().from(trustBadges).all()).toEqual([]);
	});
});
