import { describe, expect, it } from 'vitest';
import { posts } from '../db/schema';
import { makePostInput } from '../testing/posts';
import { actsFor, canActFor, linkProxy, postAsProxy, proxiesOf, revokeProxy } from './carers';
import { INTAKE_NOW as NOW, intakeWorld as world } from '../testing/broker';

describe('proxies', () => {
	it('lets a linked carer post for the resident and refuses without a link', () => {
		const { db, register, broker, resident, category } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const carer = resident('Lies', { email: 'lies@test.example' });
		const stranger = resident('Tom', { email: 'tom@test.example' });
		expect(postAsProxy(db, stranger.id, r.user.id, makePostInput(category.id), NOW)).toMatchObject({
			ok: false,
			field: 'for'
		});
		expect(linkProxy(db, broker, r.user.id, 'Lies@test.example', NOW)).toEqual({ ok: true });
		expect(canActFor(db, carer.id, r.user.id)).toBe(true);
		expect(actsFor(db, carer.id).map((a) => a.displayName)).toEqual(['Rosa']);
		const posted = postAsProxy(db, carer.id, r.user.id, makePostInput(category.id), NOW);
		if (!posted.ok) throw new Error(posted.error);
		expect(posted.post).toMatchObject({ authorId: r.user.id, placedById: carer.id });
		expect(db.select().from(posts).all()).toHaveLength(1);
	});

	it('stops after the link is revoked, and refuses an unknown address', () => {
		const { db, register, broker, resident } = world();
		const r = register();
		if (!r.ok) throw new Error();
		const carer = resident('Lies', { email: 'lies@test.example' });
		expect(linkProxy(db, broker, r.user.id, 'nobody@test.example', NOW)).toMatchObject({
			ok: false
		});
		linkProxy(db, broker, r.user.id, 'lies@test.example', NOW);
		const link = proxiesOf(db, r.user.id)[0]!;
		expect(revokeProxy(db, link.id, NOW + 1)).toBe(true);
		expect(canActFor(db, carer.id, r.user.id)).toBe(false);
	});
});
