import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { outbox, posts, tasks } from '../db/schema';
import { createPost } from '../posts/create';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { countReferrals, referPost } from './referrals';
import { addService, listServices, removeService, type ServiceInput } from './social-map';

const NOW = Date.UTC(2026, 10, 24, 10);
const service = (extra: Partial<ServiceInput> = {}): ServiceInput => ({
	name: 'OCMW Sociale dienst',
	description: 'Helpt met geld, papieren en huisvesting.',
	kind: 'social',
	categoryIds: [],
	phone: '03 000 00 00',
	address: 'Kerkstraat 1',
	website: '',
	openingHours: [{ day: 1, from: '09:00', to: '12:00' }],
	...extra
});

function world() {
	const db = createTestDb();
	const t = makeNeighbourhood(db);
	const broker = t.resident('An', { role: 'broker' });
	const ocmw = addService(db, broker.id, t.hood.id, service(), NOW);
	return { db, ...t, broker, ocmw };
}

describe('referPost', () => {
	it('closes the request, records the referral and mails the poster in plain words', () => {
		const { db, resident, category, broker, ocmw, hood } = world();
		const maria = resident('Maria', { email: 'maria@test.example' });
		const post = createPost(db, maria.id, makePostInput(category.id), true, NOW);
		if (!post.ok) throw new Error();
		expect(referPost(db, broker.id, post.post.id, ocmw.id, 'past beter', NOW)).toEqual({
			ok: true
		});
		expect(db.select().from(posts).get()!.status).toBe('closed');
		const mail = db.select().from(outbox).get()!;
		expect(mail.toAddress).toBe('maria@test.example');
		expect(mail.textBody).toContain('OCMW Sociale dienst');
		expect(mail.textBody).toContain('03 000 00 00');
		expect(mail.textBody).toContain('maandag 09:00 tot 12:00');
		expect(countReferrals(db, [hood.id], NOW, NOW + 1)).toEqual({ social: 1 });
		expect(countReferrals(db, [hood.id], NOW + 1, NOW + 2)).toEqual({});
		expect(referPost(db, broker.id, post.post.id, ocmw.id, '', NOW)).toMatchObject({ ok: false });
	});

	it('makes a call task when the poster has no e-mail', () => {
		const { db, resident, category, broker, ocmw } = world();
		const rosa = resident('Rosa', { email: null });
		const post = createPost(db, rosa.id, makePostInput(category.id), true, NOW);
		if (!post.ok) throw new Error();
		referPost(db, broker.id, post.post.id, ocmw.id, '', NOW);
		expect(db.select().from(outbox).all()).toHaveLength(0);
		expect(db.select().from(tasks).get()).toMatchObject({
			kind: 'call_resident',
			subjectUserId: rosa.id
		});
	});

	it('refuses an offer and a removed service', () => {
		const { db, resident, category, broker, ocmw } = world();
		const maria = resident('Maria');
		const offer = createPost(
			db,
			maria.id,
			makePostInput(category.id, { kind: 'offer' }),
			true,
			NOW
		);
		if (!offer.ok) throw new Error();
		expect(referPost(db, broker.id, offer.post.id, ocmw.id, '', NOW)).toMatchObject({ ok: false });
		const req = createPost(
			db,
			maria.id,
			makePostInput(category.id, { submissionKey: 'k2' }),
			true,
			NOW
		);
		if (!req.ok) throw new Error();
		removeService(db, broker.id, ocmw, NOW);
		expect(listServices(db, ocmw.neighbourhoodId)).toHaveLength(0);
		expect(referPost(db, broker.id, req.post.id, ocmw.id, '', NOW)).toMatchObject({
			ok: false,
			error: 'intake_err_service'
		});
	});
});
