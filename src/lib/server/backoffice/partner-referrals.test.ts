import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox, partnerReferrals, posts, residentNotes, services } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { makeNeighbourhood } from '../testing/posts';
import {
	completeReferral,
	declineReferral,
	getPartnerReferral,
	openPartnerReferrals,
	partnerView,
	referByPartner,
	takeUpReferral,
	type ReferInput
} from './partner-referrals';
import { grantPartner, partnerServices, revokePartner } from './roles';

const NOW = Date.UTC(2026, 11, 5, 10);
const ORIGIN = 'https://naburig.example';

function setUp() {
	const db = createTestDb();
	const { hood, resident, category } = makeNeighbourhood(db);
	const an = resident('An', { role: 'broker', email: 'an@test.example' });
	const ocmw = db
		.insert(services)
		.values({ neighbourhoodId: hood.id, name: 'OCMW', createdAt: 0 })
		.returning()
		.all()[0]!;
	const els = insertTestUser(db, { email: 'els@test.example', displayName: 'Els' });
	grantPartner(db, an.id, ocmw.id, 'els@test.example', NOW - 1000);
	const input: ReferInput = {
		serviceId: ocmw.id,
		name: 'Georgette Willems',
		phone: '03 444 55 66',
		need: 'Boodschappen, ze is slecht te been.',
		language: 'nl',
		contactWay: 'phone',
		consent: true,
		submissionKey: 'key-of-sixteen-chars-1'
	};
	return { db, hood, resident, category, an, ocmw, els, input };
}

describe('a partner refers a resident', () => {
	it('needs the resident’s consent and one of the partner’s own services', () => {
		const { db, els, input, hood } = setUp();
		expect(referByPartner(db, els.id, { ...input, consent: false }, NOW)).toEqual({
			ok: false,
			field: 'consent',
			error: 'partners_err_consent'
		});
		const elsewhere = db
			.insert(services)
			.values({ neighbourhoodId: makeBareNeighbourhood(db).id, name: 'Elders', createdAt: 0 })
			.returning()
			.all()[0]!;
		expect(referByPartner(db, els.id, { ...input, serviceId: elsewhere.id }, NOW)).toMatchObject({
			ok: false,
			field: 'serviceId'
		});
		expect(db.select().from(partnerReferrals).all()).toEqual([]);
		const r = referByPartner(db, els.id, input, NOW);
		expect(r).toMatchObject({ ok: true, again: false });
		expect(openPartnerReferrals(db, [hood.id]).map((x) => x.name)).toEqual(['Georgette Willems']);
	});

	it('refers once when the form is sent twice', () => {
		const { db, els, input } = setUp();
		const first = referByPartner(db, els.id, input, NOW);
		const second = referByPartner(db, els.id, input, NOW + 5);
		expect(second).toMatchObject({ ok: true, again: true });
		if (!first.ok || !second.ok) throw new Error('refused');
		expect(second.referral.id).toBe(first.referral.id);
		expect(db.select().from(partnerReferrals).all()).toHaveLength(1);
	});

	it('a partner whose account was taken away can no longer refer', () => {
		const { db, an, els, input } = setUp();
		revokePartner(db, an.id, partnerServices(db, els.id)[0]!.linkId, NOW);
		expect(referByPartner(db, els.id, input, NOW)).toMatchObject({ ok: false, field: 'serviceId' });
	});
});

describe('the broker completes the intake', () => {
	it('takes up, completes with the resident and their request, and tells the partner each time', () => {
		const { db, an, els, input, resident, category } = setUp();
		const r = referByPartner(db, els.id, input, NOW);
		if (!r.ok) throw new Error('refused');
		expect(takeUpReferral(db, an.id, r.referral, ORIGIN, NOW + 1)).toEqual({ ok: true });
		expect(
			takeUpReferral(db, an.id, getPartnerReferral(db, r.referral.id)!, ORIGIN, NOW + 1)
		).toEqual({
			ok: false,
			error: 'partners_err_status'
		});
		const georgette = resident('Georgette Willems');
		const request = db
			.insert(posts)
			.values({
				kind: 'request',
				status: 'open',
				authorId: georgette.id,
				placedById: an.id,
				neighbourhoodId: r.referral.neighbourhoodId,
				categoryId: category.id,
				title: 'Boodschappen op dinsdag',
				body: 'Elke dinsdag',
				exactLat: 51,
				exactLon: 4,
				approxCell: 'x',
				approxLat: 51,
				approxLon: 4,
				createdAt: NOW + 2,
				updatedAt: NOW + 2
			})
			.returning()
			.all()[0]!;
		expect(
			completeReferral(
				db,
				an.id,
				getPartnerReferral(db, r.referral.id)!,
				georgette.id,
				request.id,
				ORIGIN,
				NOW + 3
			)
		).toEqual({ ok: true });
		const done = getPartnerReferral(db, r.referral.id)!;
		expect([done.status, done.residentId, done.postId, done.handledById]).toEqual([
			'completed',
			georgette.id,
			request.id,
			an.id
		]);
		const told = db.select().from(outbox).where(eq(outbox.kind, 'partner_referral_status')).all();
		expect(told.map((o) => o.userId)).toEqual([els.id, els.id]);
		expect(told[1]!.htmlBody).toContain(`${ORIGIN}/partner`);
		expect(
			db
				.select({ a: auditLog.action })
				.from(auditLog)
				.all()
				.map((a) => a.a)
				.filter((a) => a.startsWith('partner'))
		).toEqual([
			'partner.grant',
			'partner.refer',
			'partner_referral.in_progress',
			'partner_referral.completed'
		]);
		// Done: a second decision is refused.
		expect(declineReferral(db, an.id, done, ORIGIN, NOW + 4)).toEqual({
			ok: false,
			error: 'partners_err_status'
		});
	});

	it('refuses a resident of another neighbourhood and a request that is not theirs', () => {
		const { db, an, els, input, resident } = setUp();
		const r = referByPartner(db, els.id, input, NOW);
		if (!r.ok) throw new Error('refused');
		const stranger = insertTestUser(db, { neighbourhoodId: makeBareNeighbourhood(db).id });
		expect(completeReferral(db, an.id, r.referral, stranger.id, null, ORIGIN, NOW)).toEqual({
			ok: false,
			error: 'partners_err_resident'
		});
		expect(
			completeReferral(db, an.id, r.referral, resident('Iemand').id, 999, ORIGIN, NOW)
		).toEqual({
			ok: false,
			error: 'partners_err_post'
		});
	});

	it('the partner’s view is only whom, from where, when and where it stands', () => {
		const { db, an, els, input, resident } = setUp();
		const r = referByPartner(db, els.id, input, NOW);
		if (!r.ok) throw new Error('refused');
		const georgette = resident('Georgette Willems');
		db.insert(residentNotes)
			.values({
				userId: georgette.id,
				authorId: an.id,
				body: 'Dochter woont in Gent',
				createdAt: NOW
			})
			.run();
		completeReferral(db, an.id, r.referral, georgette.id, null, ORIGIN, NOW + 1);
		const view = partnerView(db, els.id);
		expect(view).toEqual([
			{
				id: r.referral.id,
				name: 'Georgette Willems',
				service: 'OCMW',
				status: 'completed',
				statusAt: NOW + 1,
				createdAt: NOW
			}
		]);
		expect(JSON.stringify(view)).not.toContain('Gent');
		expect(JSON.stringify(view)).not.toContain(georgette.id);
	});
});
