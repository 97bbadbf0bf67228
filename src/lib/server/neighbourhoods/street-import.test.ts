import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { streetSchema } from '$lib/schemas/neighbourhood';
import { auditLog } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { decodeUpload, importStreets, parseStreetFile, representativePoint } from './street-import';
import { addStreet, listStreets } from './streets';
import { makeAdminNeighbourhood } from '../testing/neighbourhoods';

const points = (db: ReturnType<typeof createTestDb>, id: number) =>
	listStreets(db, id).map((s) => [s.name, s.lat, s.lon]);

describe('importing streets from CSV', () => {
	it('adds new streets, updates existing ones by name and reports every skipped row with its reason', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		addStreet(
			db,
			admin.id,
			neighbourhoodId,
			streetSchema.parse({ name: 'Kerkstraat', lat: '51', lon: '4' }),
			0
		);
		const csv = [
			'name,lat,lon',
			'Bosweg,51.001,4.001',
			'KERKSTRAAT,51.002,4.002',
			',51.0,4.0',
			'Zonder punt,,4.0',
			'Verweg,52.0,5.0',
			'',
			'"Molenstraat, oost",51.003,4.003',
			'Bosweg,51.004,4.004'
		].join('\n');
		const result = importStreets(db, admin.id, neighbourhoodId, csv, 500);
		expect(result).toEqual({
			ok: true,
			report: {
				format: 'csv',
				added: 2,
				updated: 1,
				skipped: [
					{ row: 4, name: '', reason: 'no_name' },
					{ row: 5, name: 'Zonder punt', reason: 'bad_coordinates' },
					{ row: 6, name: 'Verweg', reason: 'outside' },
					{ row: 9, name: 'Bosweg', reason: 'duplicate' }
				]
			}
		});
		expect(points(db, neighbourhoodId)).toEqual([
			['Bosweg', 51.001, 4.001],
			['KERKSTRAAT', 51.002, 4.002],
			['Molenstraat, oost', 51.003, 4.003]
		]);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'streets.import')).all();
		expect(audit.map((a) => [a.actorId, a.neighbourhoodId, a.at, JSON.parse(a.detail)])).toEqual([
			[admin.id, neighbourhoodId, 500, { format: 'csv', added: 2, updated: 1, skipped: 4 }]
		]);
	});

	it('reads Excel-style files: semicolons, decimal commas, a byte-order mark and headers in capitals', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		const result = importStreets(
			db,
			admin.id,
			neighbourhoodId,
			'\uFEFFName;Lat;Lon\r\nBosweg;51,001;4,001\r\n',
			0
		);
		expect(result).toMatchObject({ ok: true, report: { added: 1, updated: 0, skipped: [] } });
		expect(points(db, neighbourhoodId)).toEqual([['Bosweg', 51.001, 4.001]]);
	});

	it('refuses a file without the name, lat and lon columns, or without rows, and changes nothing', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		expect(importStreets(db, admin.id, neighbourhoodId, 'straat,x,y\nBosweg,51,4', 0)).toEqual({
			ok: false,
			error: 'admin_import_err_csv_header'
		});
		expect(importStreets(db, admin.id, neighbourhoodId, 'name,lat,lon\n', 0)).toEqual({
			ok: false,
			error: 'admin_import_err_empty'
		});
		expect(importStreets(db, admin.id, neighbourhoodId, '   ', 0)).toEqual({
			ok: false,
			error: 'admin_import_err_empty'
		});
		expect(listStreets(db, neighbourhoodId)).toEqual([]);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'streets.import')).all()).toEqual(
			[]
		);
	});
});

describe('importing streets from GeoJSON', () => {
	it('takes points, the middle corner of lines and the middle of areas, and skips what it cannot use', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		const feature = (name: unknown, geometry: unknown) => ({
			type: 'Feature',
			properties: name === undefined ? {} : { name },
			geometry
		});
		const geojson = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				feature('Pleintje', { type: 'Point', coordinates: [4.001, 51.001] }),
				feature('Lange Straat', {
					type: 'LineString',
					coordinates: [
						[3.995, 51.0],
						[4.0, 51.002],
						[4.005, 51.0]
					]
				}),
				feature('Gesplitste weg', {
					type: 'MultiLineString',
					coordinates: [
						[
							[3.991, 50.991],
							[3.992, 50.992]
						],
						[
							[4.0, 51.005],
							[4.001, 51.006],
							[4.002, 51.007]
						]
					]
				}),
				feature('Park', {
					type: 'Polygon',
					coordinates: [
						[
							[4.0, 51.0],
							[4.004, 51.0],
							[4.004, 51.004],
							[4.0, 51.004],
							[4.0, 51.0]
						]
					]
				}),
				feature(undefined, { type: 'Point', coordinates: [4.0, 51.0] }),
				feature('Buiten', { type: 'Point', coordinates: [5.0, 52.0] }),
				feature('Kapot', { type: 'Point', coordinates: ['4', 51] }),
				feature('Verzameling', { type: 'GeometryCollection', geometries: [] })
			]
		});
		const result = importStreets(db, admin.id, neighbourhoodId, geojson, 0);
		expect(result).toEqual({
			ok: true,
			report: {
				format: 'geojson',
				added: 4,
				updated: 0,
				skipped: [
					{ row: 5, name: '', reason: 'no_name' },
					{ row: 6, name: 'Buiten', reason: 'outside' },
					{ row: 7, name: 'Kapot', reason: 'bad_coordinates' },
					{ row: 8, name: 'Verzameling', reason: 'unsupported_geometry' }
				]
			}
		});
		const byName = Object.fromEntries(
			listStreets(db, neighbourhoodId).map((s) => [s.name, [s.lat, s.lon]])
		);
		expect(byName['Pleintje']).toEqual([51.001, 4.001]);
		expect(byName['Lange Straat']).toEqual([51.002, 4.0]);
		expect(byName['Gesplitste weg']).toEqual([51.006, 4.001]);
		expect(byName['Park']![0]).toBeCloseTo(51.002, 6);
		expect(byName['Park']![1]).toBeCloseTo(4.002, 6);
	});

	it('refuses text that is not a FeatureCollection', () => {
		expect(parseStreetFile('{"type": "FeatureCollection", ')).toEqual({
			ok: false,
			error: 'admin_import_err_geojson'
		});
		expect(parseStreetFile('{"type": "Polygon", "coordinates": []}')).toEqual({
			ok: false,
			error: 'admin_import_err_geojson'
		});
		expect(representativePoint({ type: 'LineString', coordinates: 'nee' })).toEqual({
			lat: NaN,
			lon: NaN
		});
	});
});

describe('reading an uploaded file', () => {
	it('reads UTF-8, and falls back to the Windows encoding Excel uses', () => {
		expect(decodeUpload(new TextEncoder().encode('name\nSégherslaan'))).toBe('name\nSégherslaan');
		expect(decodeUpload(new Uint8Array([0x53, 0xe9, 0x67]))).toBe('Ség');
	});
});
