import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { streetSchema } from '$lib/schemas/neighbourhood';
import { auditLog, users } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { addStreet, getStreet, listStreets, removeStreet, updateStreet } from './streets';
import { makeAdminNeighbourhood } from '../testing/neighbourhoods';

const street = (name: string, lat: string, lon: string) => streetSchema.parse({ name, lat, lon });

describe('streets of a neighbourhood', () => {
	it('adds streets inside the boundary, in alphabetical order, with decimal commas understood', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		expect(
			addStreet(db, admin.id, neighbourhoodId, street('Kerkstraat', '51,001', '4,002'), 10)
		).toMatchObject({ ok: true });
		expect(
			addStreet(db, admin.id, neighbourhoodId, street('  Bosweg ', '51.0', '4.0'), 10)
		).toMatchObject({ ok: true });
		expect(listStreets(db, neighbourhoodId).map((s) => [s.name, s.lat, s.lon])).toEqual([
			['Bosweg', 51, 4],
			['Kerkstraat', 51.001, 4.002]
		]);
	});

	it('refuses a name the neighbourhood already has (any case) and a point outside the boundary', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		addStreet(db, admin.id, neighbourhoodId, street('Kerkstraat', '51', '4'), 0);
		expect(addStreet(db, admin.id, neighbourhoodId, street('kerkstraat', '51', '4'), 0)).toEqual({
			ok: false,
			field: 'name',
			error: 'admin_err_street_exists'
		});
		expect(addStreet(db, admin.id, neighbourhoodId, street('Verweg', '52', '4'), 0)).toEqual({
			ok: false,
			field: 'lat',
			error: 'admin_err_street_outside'
		});
		expect(
			streetSchema
				.safeParse({ name: 'Leeg', lat: '', lon: '4' })
				.error?.issues.map((i) => i.message)
		).toEqual(['admin_err_point_required']);
	});

	it('renames, moves and removes a street, and logs each change', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		const { neighbourhoodId: other } = makeAdminNeighbourhood(db, 'Andere');
		const added = addStreet(db, admin.id, neighbourhoodId, street('Kerkstraat', '51', '4'), 100);
		const id = added.ok ? added.street.id : -1;
		const resident = insertTestUser(db, { neighbourhoodId, streetId: id });

		// Keeping its own name is fine; another neighbourhood cannot touch it.
		expect(
			updateStreet(db, admin.id, neighbourhoodId, id, street('Kerkstraat', '51.005', '4'), 200)
		).toMatchObject({ ok: true });
		expect(
			updateStreet(db, admin.id, neighbourhoodId, id, street('Kerkplein', '51.005', '4'), 300)
		).toMatchObject({ ok: true });
		expect(updateStreet(db, admin.id, other, id, street('Elders', '51', '4'), 0)).toEqual({
			ok: false,
			field: null,
			error: 'not_found'
		});
		expect(getStreet(db, neighbourhoodId, id)).toMatchObject({ name: 'Kerkplein', lat: 51.005 });

		expect(removeStreet(db, admin.id, other, id, 0)).toBeUndefined();
		expect(removeStreet(db, admin.id, neighbourhoodId, id, 400)?.name).toBe('Kerkplein');
		expect(listStreets(db, neighbourhoodId)).toEqual([]);
		expect(db.select().from(users).where(eq(users.id, resident.id)).get()!.streetId).toBeNull();

		const audit = db.select().from(auditLog).where(eq(auditLog.subjectType, 'street')).all();
		expect(
			audit.map((a) => [a.action, a.subjectId, a.neighbourhoodId, a.at, JSON.parse(a.detail)])
		).toEqual([
			['street.add', String(id), neighbourhoodId, 100, { name: 'Kerkstraat' }],
			['street.update', String(id), neighbourhoodId, 200, { from: 'Kerkstraat', to: 'Kerkstraat' }],
			['street.update', String(id), neighbourhoodId, 300, { from: 'Kerkstraat', to: 'Kerkplein' }],
			['street.remove', String(id), neighbourhoodId, 400, { name: 'Kerkplein', residents: 1 }]
		]);
	});
});
