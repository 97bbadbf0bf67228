import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { auditLog } from '../db/schema';
import { makeTrustNeighbourhood } from '../testing/trust';
import { AGREEMENT_SECTIONS } from '$lib/volunteers/lists';
import { agreementStandings, mustAcceptAgreement } from './agreement-status';
import {
	acceptVolunteerAgreement,
	acceptedCount,
	currentVolunteerAcceptance,
	currentVolunteerAgreement,
	publishVolunteerAgreement,
	setAgreementRequired,
	volunteerAgreementVersions,
	VolunteerAgreementError,
	type AgreementBody
} from './agreement';

const dutch = (word: string) =>
	Object.fromEntries(AGREEMENT_SECTIONS.map((s) => [s, `${word} ${s}`])) as AgreementBody['nl'];

function world() {
	const db = createTestDb();
	const ctx = makeTrustNeighbourhood(db);
	return { db, ...ctx };
}

describe('versions of the volunteer agreement', () => {
	it('publishing makes a new version each time, shown in the reader’s language or Dutch', () => {
		const { db, hood, broker } = world();
		expect(currentVolunteerAgreement(db, hood.id, 'nl')).toBeNull();
		publishVolunteerAgreement(db, hood.id, { nl: dutch('eerst') }, broker.id, 10);
		publishVolunteerAgreement(
			db,
			hood.id,
			{ nl: dutch('tweede'), en: { tasks: 'second tasks' } },
			broker.id,
			20
		);
		expect(volunteerAgreementVersions(db, hood.id).map((v) => v.version)).toEqual([2, 1]);
		const en = currentVolunteerAgreement(db, hood.id, 'en')!;
		expect(en.version).toBe(2);
		expect(en.lang).toBe('en');
		expect(en.sections).toEqual([{ section: 'tasks', text: 'second tasks' }]);
		const fr = currentVolunteerAgreement(db, hood.id, 'fr')!;
		expect(fr.lang).toBe('nl');
		expect(fr.sections).toHaveLength(AGREEMENT_SECTIONS.length);
		expect(fr.sections[0]).toEqual({ section: 'tasks', text: 'tweede tasks' });
	});

	it('refuses a version without the Dutch text of every section', () => {
		const { db, hood, broker } = world();
		const body = { nl: { ...dutch('x'), insurance: ' ' } };
		expect(() => publishVolunteerAgreement(db, hood.id, body, broker.id, 10)).toThrow(
			VolunteerAgreementError
		);
		expect(volunteerAgreementVersions(db, hood.id)).toEqual([]);
	});
});

describe('accepting the volunteer agreement', () => {
	it('a new version makes an acceptance outdated until the helper accepts again', () => {
		const { db, hood, broker, helper } = world();
		const v1 = publishVolunteerAgreement(db, hood.id, { nl: dutch('een') }, broker.id, 10);
		expect(agreementStandings(db, hood.id, [helper.id]).get(helper.id)).toBe('not_accepted');
		acceptVolunteerAgreement(db, { userId: helper.id, agreementId: v1, method: 'online' }, 11);
		expect(agreementStandings(db, hood.id, [helper.id]).get(helper.id)).toBe('accepted');
		const v2 = publishVolunteerAgreement(db, hood.id, { nl: dutch('twee') }, broker.id, 20);
		expect(agreementStandings(db, hood.id, [helper.id]).get(helper.id)).toBe('outdated');
		expect(currentVolunteerAcceptance(db, helper.id, hood.id)).toBeNull();
		// The old version can no longer be accepted: the page must show the new text first.
		expect(() =>
			acceptVolunteerAgreement(db, { userId: helper.id, agreementId: v1, method: 'online' }, 21)
		).toThrow('volunteers_err_agreement_outdated');
		acceptVolunteerAgreement(db, { userId: helper.id, agreementId: v2, method: 'online' }, 22);
		expect(agreementStandings(db, hood.id, [helper.id]).get(helper.id)).toBe('accepted');
		expect(currentVolunteerAcceptance(db, helper.id, hood.id)?.acceptedAt).toBe(22);
	});

	it('accepting twice keeps the first', () => {
		const { db, hood, broker, helper } = world();
		const v1 = publishVolunteerAgreement(db, hood.id, { nl: dutch('een') }, broker.id, 10);
		const first = acceptVolunteerAgreement(
			db,
			{ userId: helper.id, agreementId: v1, method: 'online' },
			11
		);
		const again = acceptVolunteerAgreement(
			db,
			{ userId: helper.id, agreementId: v1, method: 'paper', recordedById: broker.id },
			12
		);
		expect(again).toBe(first);
		expect(currentVolunteerAcceptance(db, helper.id, hood.id)).toMatchObject({
			method: 'online',
			acceptedAt: 11
		});
	});

	it('a broker records a read-aloud acceptance, audited, and it counts for the helper', () => {
		const { db, hood, broker, helper } = world();
		const v1 = publishVolunteerAgreement(db, hood.id, { nl: dutch('een') }, broker.id, 10);
		expect(acceptedCount(db, hood.id)).toEqual({ accepted: 0, volunteers: 0 });
		acceptVolunteerAgreement(
			db,
			{ userId: helper.id, agreementId: v1, method: 'read_aloud', recordedById: broker.id },
			11
		);
		const audit = db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'volunteers.agreement_recorded'), eq(auditLog.subjectId, helper.id))
			)
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actorId).toBe(broker.id);
		expect(acceptedCount(db, hood.id)).toEqual({ accepted: 1, volunteers: 1 });
	});

	it('the requirement, once on, asks an acceptance of the current version', () => {
		const { db, hood, broker, helper } = world();
		const v1 = publishVolunteerAgreement(db, hood.id, { nl: dutch('een') }, broker.id, 10);
		expect(mustAcceptAgreement(db, hood.id, helper.id)).toBe(false);
		setAgreementRequired(db, hood.id, true, broker.id, 11);
		expect(mustAcceptAgreement(db, hood.id, helper.id)).toBe(true);
		acceptVolunteerAgreement(db, { userId: helper.id, agreementId: v1, method: 'online' }, 12);
		expect(mustAcceptAgreement(db, hood.id, helper.id)).toBe(false);
		const audits = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'volunteers.agreement_required'))
			.all();
		expect(audits).toHaveLength(1);
	});
});
