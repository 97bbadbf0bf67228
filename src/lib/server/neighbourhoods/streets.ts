import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { parseCoordinate, type StreetForm } from '$lib/schemas/neighbourhood';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { streets, users, type Street } from '../db/schema';
import { isInside } from '../geo/boundary';
import { boundaryOf, getNeighbourhood } from './admin';

/** The streets of a neighbourhood, in alphabetical order. */
export function listStreets(db: DbOrTx, neighbourhoodId: number): Street[] {
	return db
		.select()
		.from(streets)
		.where(eq(streets.neighbourhoodId, neighbourhoodId))
		.orderBy(asc(sql`${streets.name} collate nocase`))
		.all();
}

/** One street of this neighbourhood, or undefined (also when it belongs to another one). */
export function getStreet(
	db: DbOrTx,
	neighbourhoodId: number,
	streetId: number
): Street | undefined {
	return db
		.select()
		.from(streets)
		.where(and(eq(streets.id, streetId), eq(streets.neighbourhoodId, neighbourhoodId)))
		.get();
}

/** How many people have this street as their address. */
export function countResidentsOnStreet(db: DbOrTx, streetId: number): number {
	return db.select({ n: count() }).from(users).where(eq(users.streetId, streetId)).get()?.n ?? 0;
}

/** A street of this neighbourhood with this name, ignoring upper and lower case. */
export function findStreetByName(
	db: DbOrTx,
	neighbourhoodId: number,
	name: string,
	exceptId?: number
): Street | undefined {
	const sameName = sql`lower(${streets.name}) = lower(${name.trim()})`;
	const where = exceptId
		? and(eq(streets.neighbourhoodId, neighbourhoodId), sameName, ne(streets.id, exceptId))
		: and(eq(streets.neighbourhoodId, neighbourhoodId), sameName);
	return db.select().from(streets).where(where).get();
}

export type StreetResult =
	| { ok: true; street: Street }
	| {
			ok: false;
			field: 'name' | 'lat';
			error: 'admin_err_street_exists' | 'admin_err_street_outside';
	  }
	| { ok: false; field: null; error: 'not_found' };

/** Checks a street against the neighbourhood: a unique name and a point inside the boundary. */
function check(tx: DbOrTx, neighbourhoodId: number, form: StreetForm, exceptId?: number) {
	const hood = getNeighbourhood(tx, neighbourhoodId);
	if (!hood) return { ok: false, field: null, error: 'not_found' } as const;
	const lat = parseCoordinate(form.lat)!;
	const lon = parseCoordinate(form.lon)!;
	if (findStreetByName(tx, neighbourhoodId, form.name, exceptId))
		return { ok: false, field: 'name', error: 'admin_err_street_exists' } as const;
	if (!isInside(boundaryOf(hood), lat, lon))
		return { ok: false, field: 'lat', error: 'admin_err_street_outside' } as const;
	return { ok: true, value: { name: form.name.trim(), lat, lon } } as const;
}

/** Adds a street to the neighbourhood. */
export function addStreet(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	form: StreetForm,
	now: number
): StreetResult {
	return db.transaction((tx): StreetResult => {
		const checked = check(tx, neighbourhoodId, form);
		if (!checked.ok) return checked;
		const street = tx
			.insert(streets)
			.values({ neighbourhoodId, ...checked.value })
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId,
				action: 'street.add',
				subjectType: 'street',
				subjectId: street.id,
				neighbourhoodId,
				detail: { name: street.name }
			},
			now
		);
		return { ok: true, street };
	});
}

/** Renames or moves a street. */
export function updateStreet(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	streetId: number,
	form: StreetForm,
	now: number
): StreetResult {
	return db.transaction((tx): StreetResult => {
		const before = getStreet(tx, neighbourhoodId, streetId);
		if (!before) return { ok: false, field: null, error: 'not_found' };
		const checked = check(tx, neighbourhoodId, form, streetId);
		if (!checked.ok) return checked;
		const street = tx
			.update(streets)
			.set(checked.value)
			.where(eq(streets.id, streetId))
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId,
				action: 'street.update',
				subjectType: 'street',
				subjectId: streetId,
				neighbourhoodId,
				detail: { from: before.name, to: street.name }
			},
			now
		);
		return { ok: true, street };
	});
}

/**
 * Removes a street. People who lived on it keep their address details but lose the street
 * (the database sets it to null), so a broker should check them.
 */
export function removeStreet(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	streetId: number,
	now: number
): Street | undefined {
	return db.transaction((tx) => {
		const street = getStreet(tx, neighbourhoodId, streetId);
		if (!street) return undefined;
		const residents = countResidentsOnStreet(tx, streetId);
		tx.delete(streets).where(eq(streets.id, streetId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'street.remove',
				subjectType: 'street',
				subjectId: streetId,
				neighbourhoodId,
				detail: { name: street.name, residents }
			},
			now
		);
		return street;
	});
}
