import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, residentConsents, tasks, users } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { makePostInput } from '../testing/posts';
import { acceptResponse, respond } from '../posts/responses';
import { intakeExtras } from './post-extras';
import { placePostFor, registerResident } from './intake';
import { INTAKE_NOW as NOW, intakeWorld as world } from '../testing/broker';

describe('registerResident', () => {
	it('stores a person without e-mail with their place and the recorded consent', () => {
		const { db, register, broker, street } = world();
		const r = register();
		if (!r.ok) throw new Error(r.error);
		expect(r.user.email).toBeNull();
		expect(r.user.exactLat).toBe(street.lat);
		expect(r.user.approxCell).toBeTruthy();
		expect(r.user.contactBy).toBe('phone');
		const consent = db
			.select()
			.from(residentConsents)
			.where(eq(residentConsents.userId, r.user.id))
			.get();
		expect(consent).toMatchObject({ recordedById: broker.id, recordedAt: NOW });
	});

	it('refuses without consent and stores nothing', () => {
		const { db, register } = world();
		const before = db.select().from(users).all().length;
		expect(register({ consent: false })).toMatchObject({ ok: false, field: 'consent' });
		expect(db.select().from(users).all()).toHaveLength(before);
	});

	it('refuses a broker of another neighbourhood', () => {
		const { db, street, resident } = world();
		const other = resident('Hasan', { role: 'broker' });
		const r = registerResident(
			db,
			other,
			{
				displayName: 'X',
				phone: '1',
				streetId: street.id,
				houseNumber: '1',
				languages: [],
				contactBy: 'visit',
				consent: true
			},
			NOW
		);
		expect(r).toMatchObject({ ok: false, error: 'intake_err_street_not_yours' });
	});
});

describe('placePostFor', () => {
	it('publishes the post at once with the broker as placer', () => {
		const { db, register, broker, category } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const placed = placePostFor(db, broker.id, r.user.id, makePostInput(category.id), NOW);
		if (!placed.ok) throw new Error(placed.error);
		expect(placed.post).toMatchObject({
			status: 'open',
			authorId: r.user.id,
			placedById: broker.id,
			publishedAt: NOW
		});
		expect(placed.post.expiresAt).toBeGreaterThan(NOW);
	});

	it('is not the broker’s to answer: they propose a helper instead', () => {
		const { db, register, broker, resident, category } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const placed = placePostFor(db, broker.id, r.user.id, makePostInput(category.id), NOW);
		if (!placed.ok) throw new Error(placed.error);
		expect(respond(db, placed.post, broker.id, 'Ik help', NOW)).toEqual({
			ok: false,
			error: 'own_post'
		});
		expect(respond(db, placed.post, resident('Piet').id, 'Ik help', NOW).ok).toBe(true);
	});
});

describe('intakeExtras', () => {
	it('gives a broker of the neighbourhood the way on to suggestions while the request is open', () => {
		const { db, register, broker, resident, category } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const placed = placePostFor(db, broker.id, r.user.id, makePostInput(category.id), NOW);
		if (!placed.ok) throw new Error(placed.error);
		expect(intakeExtras(db, broker, placed.post.id)).toEqual({
			placedBy: 'broker',
			placedByMe: true,
			brokerLinks: { refer: true, suggest: true },
			matchedWith: []
		});
		// A resident sees who placed it, not the broker's links or who helps.
		const neighbour = resident('Piet');
		expect(intakeExtras(db, neighbour, placed.post.id)).toEqual({
			placedBy: 'broker',
			placedByMe: false,
			brokerLinks: null,
			matchedWith: null
		});
	});

	it('shows the broker who the request was matched with, and no more suggestions once filled', () => {
		const { db, register, broker, resident, category } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const placed = placePostFor(db, broker.id, r.user.id, makePostInput(category.id), NOW);
		if (!placed.ok) throw new Error(placed.error);
		const jan = resident('Jan Claes');
		const said = respond(db, placed.post, jan.id, 'Ik kom dinsdag', NOW + 1);
		if (!said.ok) throw new Error(said.error);
		expect(acceptResponse(db, said.response.id, broker.id, NOW + 2).ok).toBe(true);
		expect(intakeExtras(db, broker, placed.post.id)).toMatchObject({
			brokerLinks: { refer: true, suggest: false },
			matchedWith: ['Jan Claes']
		});
	});

	it('offers no suggestions for an offer', () => {
		const { db, register, broker, category } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const placed = placePostFor(
			db,
			broker.id,
			r.user.id,
			makePostInput(category.id, { kind: 'offer' }),
			NOW
		);
		if (!placed.ok) throw new Error(placed.error);
		expect(intakeExtras(db, broker, placed.post.id).brokerLinks).toEqual({
			refer: false,
			suggest: false
		});
	});
});

describe('mail to someone without e-mail', () => {
	it('becomes a call task with the subject and text', () => {
		const { db, register, hood } = world();
		const r = register();
		if (!r.ok) throw new Error();
		enqueueMail(
			db,
			{
				to: null,
				userId: r.user.id,
				kind: 'test_kind',
				locale: 'nl',
				subject: 'Onderwerp',
				text: 'Tekst',
				html: '<p>Tekst</p>'
			},
			NOW
		);
		expect(db.select().from(outbox).all()).toHaveLength(0);
		const task = db.select().from(tasks).get()!;
		expect(task).toMatchObject({
			kind: 'call_resident',
			subjectUserId: r.user.id,
			neighbourhoodId: hood.id
		});
		expect(JSON.parse(task.details)).toEqual({
			mailKind: 'test_kind',
			subject: 'Onderwerp',
			text: 'Tekst'
		});
	});

	it('is still mailed when there is an address', () => {
		const { db, resident } = world();
		const p = resident('Piet', { email: 'piet@test.example' });
		enqueueMail(
			db,
			{
				to: 'piet@test.example',
				userId: p.id,
				kind: 'k',
				locale: 'nl',
				subject: 's',
				text: 't',
				html: 'h'
			},
			NOW
		);
		expect(db.select().from(outbox).all()).toHaveLength(1);
		expect(db.select().from(tasks).all()).toHaveLength(0);
	});
});
