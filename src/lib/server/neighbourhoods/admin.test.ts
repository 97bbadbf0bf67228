import { describe, expect, it } from 'vitest';
import { neighbourhoodSchema } from '$lib/schemas/neighbourhood';
import { auditLog, neighbourhoods } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import {
	createNeighbourhood,
	listNeighbourhoodSummaries,
	slugify,
	toNeighbourhoodForm,
	updateNeighbourhood,
	getNeighbourhood
} from './admin';
import { makeNeighbourhoodForm, SQUARE } from '../testing/neighbourhoods';

/** The message keys the schema reports, by field path (e.g. "dutyTo.1"). */
function schemaErrors(input: Record<string, unknown>): Record<string, string> {
	const result = neighbourhoodSchema.safeParse({
		name: 'Testbuurt',
		boundary: JSON.stringify(SQUARE),
		...input
	});
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('neighbourhood form validation', () => {
	it('accepts a complete form and ignores empty phone-duty rows', () => {
		const form = makeNeighbourhoodForm({
			dutyDay: ['2', ''],
			dutyFrom: ['09:00', ''],
			dutyTo: ['12:00', '']
		});
		expect(form.followUpDelayDays).toBe(14);
		expect(form.timeZone).toBe('Europe/Brussels');
	});

	it('refuses phone-duty hours that end before or when they start, beside the "to" field', () => {
		expect(
			schemaErrors({
				dutyDay: ['2', '4'],
				dutyFrom: ['09:00', '13:00'],
				dutyTo: ['12:00', '13:00']
			})
		).toEqual({
			'dutyTo.1': 'admin_err_duty_order'
		});
		expect(schemaErrors({ dutyDay: ['2'], dutyFrom: ['14:00'], dutyTo: ['09:30'] })).toEqual({
			'dutyTo.0': 'admin_err_duty_order'
		});
	});

	it('refuses a half-filled phone-duty row and badly written times', () => {
		expect(schemaErrors({ dutyDay: [''], dutyFrom: ['9u'], dutyTo: ['12:00'] })).toEqual({
			'dutyDay.0': 'admin_err_duty_day',
			'dutyFrom.0': 'admin_err_duty_time'
		});
	});

	it('keeps the follow-up delay between 1 and 90 days', () => {
		expect(schemaErrors({ followUpDelayDays: 0 })).toEqual({
			followUpDelayDays: 'admin_err_delay'
		});
		expect(schemaErrors({ followUpDelayDays: 91 })).toEqual({
			followUpDelayDays: 'admin_err_delay'
		});
		// A number field: the message says to type a whole number.
		expect(schemaErrors({ followUpDelayDays: 2.5 })).toEqual({
			followUpDelayDays: 'err_whole_number'
		});
		expect(schemaErrors({ followUpDelayDays: 90 })).toEqual({});
		expect(schemaErrors({ requestExpiryDays: 6 })).toEqual({
			requestExpiryDays: 'admin_err_expiry'
		});
		expect(schemaErrors({ requestExpiryDays: 366 })).toEqual({
			requestExpiryDays: 'admin_err_expiry'
		});
	});

	it('keeps a certificate’s validity between 1 and 10 years, 3 unless set', () => {
		expect(makeNeighbourhoodForm().certificateValidityYears).toBe(3);
		expect(schemaErrors({ certificateValidityYears: 0 })).toEqual({
			certificateValidityYears: 'trust_err_years'
		});
		expect(schemaErrors({ certificateValidityYears: 11 })).toEqual({
			certificateValidityYears: 'trust_err_years'
		});
		expect(schemaErrors({ certificateValidityYears: 5 })).toEqual({});
	});

	it('refuses an unknown time zone, half a centre and coordinates out of range', () => {
		expect(schemaErrors({ timeZone: 'Europe/Atlantis' })).toEqual({
			timeZone: 'admin_err_time_zone'
		});
		expect(schemaErrors({ centreLat: '51,03' })).toEqual({ centreLon: 'admin_err_centre_both' });
		expect(schemaErrors({ centreLat: '95', centreLon: '4' })).toEqual({
			centreLat: 'admin_err_lat'
		});
	});
});

describe('creating and changing neighbourhoods', () => {
	it('refuses text that is not a GeoJSON polygon, beside the boundary field', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		for (const boundary of [
			'{"type": "Polygon", ',
			'{"type":"Point","coordinates":[4,51]}',
			'[1,2,3]'
		]) {
			expect(createNeighbourhood(db, admin.id, makeNeighbourhoodForm({ boundary }), 0)).toEqual({
				ok: false,
				errors: { boundary: 'admin_err_boundary_invalid' }
			});
		}
		expect(db.select().from(neighbourhoods).all()).toHaveLength(0);
		expect(db.select().from(auditLog).all()).toHaveLength(0);
	});

	it('accepts a Feature, closes an open ring and puts the centre in the middle of the boundary', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		const open = {
			type: 'Polygon',
			coordinates: [
				[
					[3.99, 50.99],
					[4.01, 50.99],
					[4.01, 51.01],
					[3.99, 51.01]
				]
			]
		};
		const feature = JSON.stringify({ type: 'Feature', properties: {}, geometry: open });
		const result = createNeighbourhood(
			db,
			admin.id,
			makeNeighbourhoodForm({ boundary: feature }),
			0
		);
		expect(result.ok).toBe(true);
		const row = db.select().from(neighbourhoods).get()!;
		expect(JSON.parse(row.boundary)).toEqual(SQUARE);
		expect(row.centreLat).toBeCloseTo(51.0, 6);
		expect(row.centreLon).toBeCloseTo(4.0, 6);
	});

	it('stores the phone-duty hours sorted, the typed centre, the zone and the delay', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		const form = makeNeighbourhoodForm({
			centreLat: '51,005',
			centreLon: '4.002',
			timeZone: 'Europe/Amsterdam',
			phoneDutyNumber: '015 20 30 40',
			dutyDay: ['4', '', '2'],
			dutyFrom: ['13:30', '', '09:00'],
			dutyTo: ['16:30', '', '12:00'],
			followUpDelayDays: 10
		});
		const result = createNeighbourhood(db, admin.id, form, 0);
		const row = getNeighbourhood(db, result.ok ? result.id : -1)!;
		expect(JSON.parse(row.phoneDutyHours)).toEqual([
			{ day: 2, from: '09:00', to: '12:00' },
			{ day: 4, from: '13:30', to: '16:30' }
		]);
		expect([row.centreLat, row.centreLon, row.timeZone, row.followUpDelayDays]).toEqual([
			51.005,
			4.002,
			'Europe/Amsterdam',
			10
		]);
		expect(toNeighbourhoodForm(row).dutyDay).toEqual(['2', '4']);
	});

	it('makes the slug from the name and keeps slugs unique', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		expect(slugify('Oud-Oefenplein en Vuurkruisenplein')).toBe(
			'oud-oefenplein-en-vuurkruisenplein'
		);
		expect(slugify('Sint-Jozef & Ça va!')).toBe('sint-jozef-ca-va');
		const first = createNeighbourhood(db, admin.id, makeNeighbourhoodForm({ name: 'De Wijk' }), 0);
		const second = createNeighbourhood(db, admin.id, makeNeighbourhoodForm({ name: 'De wijk' }), 0);
		expect(first.ok && first.slug).toBe('de-wijk');
		expect(second.ok && second.slug).toBe('de-wijk-2');
		// A slug typed by the admin that another neighbourhood has is refused, not changed.
		expect(
			createNeighbourhood(
				db,
				admin.id,
				makeNeighbourhoodForm({ name: 'Andere', slug: 'de-wijk' }),
				0
			)
		).toEqual({
			ok: false,
			errors: { slug: 'admin_err_slug_taken' }
		});
		// Saving a neighbourhood with its own slug is fine.
		const id = first.ok ? first.id : -1;
		expect(
			updateNeighbourhood(
				db,
				admin.id,
				id,
				makeNeighbourhoodForm({ name: 'De Wijk', slug: 'de-wijk' }),
				0
			)
		).toEqual({ ok: true, id, slug: 'de-wijk' });
		expect(
			updateNeighbourhood(
				db,
				admin.id,
				id,
				makeNeighbourhoodForm({ name: 'De Wijk', slug: 'de-wijk-2' }),
				0
			)
		).toEqual({
			ok: false,
			errors: { slug: 'admin_err_slug_taken' }
		});
	});

	it('writes an audit row for each creation and change, with what changed', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		const created = createNeighbourhood(
			db,
			admin.id,
			makeNeighbourhoodForm({ name: 'Noord' }),
			5_000
		);
		const id = created.ok ? created.id : -1;
		updateNeighbourhood(
			db,
			admin.id,
			id,
			{
				...toNeighbourhoodForm(getNeighbourhood(db, id)!),
				followUpDelayDays: 21,
				certificateValidityYears: 5,
				requestExpiryDays: 45
			},
			6_000
		);
		const rows = db.select().from(auditLog).all();
		expect(
			rows.map((r) => [r.action, r.actorId, r.subjectType, r.subjectId, r.neighbourhoodId, r.at])
		).toEqual([
			['neighbourhood.create', admin.id, 'neighbourhood', String(id), id, 5_000],
			['neighbourhood.update', admin.id, 'neighbourhood', String(id), id, 6_000]
		]);
		expect(JSON.parse(rows[1]!.detail)).toEqual({
			changed: ['followUpDelayDays', 'certificateValidityYears', 'requestExpiryDays']
		});
		expect(getNeighbourhood(db, id)!.requestExpiryDays).toBe(45);
		expect(getNeighbourhood(db, id)!.certificateValidityYears).toBe(5);
		expect(updateNeighbourhood(db, admin.id, 999, makeNeighbourhoodForm(), 0)).toBeUndefined();
	});

	it('counts residents, brokers and streets per neighbourhood', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		const created = createNeighbourhood(db, admin.id, makeNeighbourhoodForm({ name: 'Zuid' }), 0);
		const id = created.ok ? created.id : -1;
		insertTestUser(db, { neighbourhoodId: id });
		insertTestUser(db, { neighbourhoodId: id, status: 'deleted' });
		expect(listNeighbourhoodSummaries(db)).toEqual([
			{ id, slug: 'zuid', name: 'Zuid', residents: 1, brokers: 0, streets: 0 }
		]);
	});
});
