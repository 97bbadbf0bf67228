import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, services } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { addService } from '../broker/social-map';
import {
	applyImport,
	parseServicesCsv,
	previewImport,
	publicServices,
	readHours
} from './social-map-import';

const FILE = [
	'\ufeffid;naam;beschrijving;soort;telefoon;adres;website;openingsuren',
	'sk-1;OCMW Sociale dienst;Helpt met geld en papieren;social;03 444 10 00;Kerkplein 2;https://example.org;ma-vr 9:00-12:00',
	'sk-2;"Voedselbank ""De Schakel""";Voedselpakketten;food;03 444 30 00;Magazijnstraat 7;;wo 13:00-16:00',
	';;zonder naam;;;;;',
	'sk-3;Thuiszorg;Verpleging;care;;;;elke dag',
	''
].join('\n');

describe('importing the social map from a CSV export', () => {
	it('reads ; or , separated files with a BOM and quotes, and says which lines it could not read', () => {
		const parsed = parseServicesCsv(FILE);
		if (!parsed.ok) throw new Error(parsed.error);
		expect(parsed.rows.map((r) => [r.line, r.sourceId, r.name])).toEqual([
			[2, 'sk-1', 'OCMW Sociale dienst'],
			[3, 'sk-2', 'Voedselbank "De Schakel"']
		]);
		expect(parsed.rows[0]!.openingHours).toHaveLength(5);
		expect(parsed.problems).toEqual([
			{ line: 4, reason: 'no_name' },
			{ line: 5, reason: 'hours' }
		]);
		const comma = parseServicesCsv('name,phone\nBib,015 11 22 33\n');
		expect(comma.ok && comma.rows.map((r) => [r.name, r.phone])).toEqual([['Bib', '015 11 22 33']]);
		expect(parseServicesCsv('phone\n123')).toEqual({ ok: false, error: 'socialmap_err_header' });
		expect(parseServicesCsv('  ')).toEqual({ ok: false, error: 'socialmap_err_empty' });
		expect(readHours('ma 09:00-12:00, wo 13:00-16:00')).toEqual([
			{ day: 1, from: '09:00', to: '12:00' },
			{ day: 3, from: '13:00', to: '16:00' }
		]);
		expect(readHours('[{"day":2,"from":"10:00","to":"11:00"}]')).toEqual([
			{ day: 2, from: '10:00', to: '11:00' }
		]);
	});

	it('previews new, changed, unchanged and missing without changing anything, then applies once', () => {
		const db = createTestDb();
		const hood = makeBareNeighbourhood(db);
		const broker = insertTestUser(db, { role: 'broker' }).id;
		const ocmw = addService(
			db,
			null,
			hood.id,
			{
				name: 'OCMW Sociale dienst',
				description: 'Oud',
				kind: 'social',
				categoryIds: [],
				phone: '03 444 10 00',
				address: 'Kerkplein 2',
				website: 'https://example.org',
				openingHours: []
			},
			1
		);
		db.update(services).set({ sourceId: 'sk-9' }).where(eq(services.id, ocmw.id)).run();
		const old = addService(
			db,
			null,
			hood.id,
			{
				name: 'Gesloten dienst',
				description: '',
				kind: 'other',
				categoryIds: [],
				phone: '',
				address: '',
				website: '',
				openingHours: []
			},
			1
		);
		db.update(services).set({ sourceId: 'sk-old' }).where(eq(services.id, old.id)).run();
		const parsed = parseServicesCsv(FILE);
		if (!parsed.ok) throw new Error(parsed.error);
		const before = JSON.stringify(db.select().from(services).all());
		const preview = previewImport(db, hood.id, parsed.rows);
		// OCMW is found by its name (its export id differs), Voedselbank is new, the old one is gone.
		expect(preview.added.map((r) => r.name)).toEqual(['Voedselbank "De Schakel"']);
		expect(preview.changed.map((c) => [c.service.name, c.fields])).toEqual([
			['OCMW Sociale dienst', ['description', 'openingHours']]
		]);
		expect(preview.missing.map((s) => s.name)).toEqual(['Gesloten dienst']);
		expect(JSON.stringify(db.select().from(services).all())).toBe(before);

		expect(applyImport(db, broker, hood.id, parsed.rows, true, 10)).toEqual({
			added: 1,
			changed: 1,
			unchanged: 0,
			removed: 1
		});
		expect(publicServices(db, hood.id).map((s) => s.name)).toEqual([
			'OCMW Sociale dienst',
			'Voedselbank "De Schakel"'
		]);
		// The same file again changes nothing.
		expect(applyImport(db, broker, hood.id, parsed.rows, true, 11)).toEqual({
			added: 0,
			changed: 0,
			unchanged: 2,
			removed: 0
		});
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'service.import')).all()
		).toHaveLength(2);
	});

	it('the public list holds what a service does and how to reach it, nothing about people', () => {
		const db = createTestDb();
		const hood = makeBareNeighbourhood(db);
		addService(
			db,
			null,
			hood.id,
			{
				name: 'Bib',
				description: 'Boeken',
				kind: 'other',
				categoryIds: [],
				phone: '1',
				address: 'Markt',
				website: '',
				openingHours: []
			},
			1
		);
		expect(Object.keys(publicServices(db, hood.id)[0]!).sort()).toEqual(
			['address', 'description', 'id', 'name', 'openingHours', 'phone', 'website'].sort()
		);
	});
});
