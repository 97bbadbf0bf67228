import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertSettingsSchema } from '$lib/schemas/alerts';
import { alertSettings, categories } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { ensureCategories } from '../categories/pilot';
import { insertTestUser } from '../db/test-db';
import { alertSettingsOf, saveAlertSettings } from './settings';

function setup() {
	const db = createTestDb();
	ensureCategories(db);
	const person = insertTestUser(db);
	const [garden, bins] = ['garden', 'bins'].map(
		(slug) => db.select().from(categories).where(eq(categories.slug, slug)).get()!.id
	);
	const row = () =>
		db.select().from(alertSettings).where(eq(alertSettings.userId, person.id)).get();
	return { db, person, garden: garden!, bins: bins!, row };
}

describe('alert settings', () => {
	it('are "never" until chosen, and saved as chosen', () => {
		const { db, person, garden, bins } = setup();
		expect(alertSettingsOf(db, person.id)).toEqual({
			rhythm: 'never',
			distanceMeters: 1000,
			categories: []
		});
		const saved = saveAlertSettings(
			db,
			person.id,
			{ rhythm: 'weekly', distanceMeters: 2000, categories: [garden, bins, garden] },
			5
		);
		expect(saved).toEqual({ ok: true });
		expect(alertSettingsOf(db, person.id)).toEqual({
			rhythm: 'weekly',
			distanceMeters: 2000,
			categories: [bins, garden].sort((a, b) => a - b)
		});
	});

	it('start from the moment alerts are switched on, and keep their place between rhythms', () => {
		const { db, person, row } = setup();
		saveAlertSettings(
			db,
			person.id,
			{ rhythm: 'daily', distanceMeters: 1000, categories: [] },
			100
		);
		expect(row()!.coveredUntil).toBe(100);
		saveAlertSettings(
			db,
			person.id,
			{ rhythm: 'at_once', distanceMeters: 500, categories: [] },
			200
		);
		expect(row()!.coveredUntil).toBe(100);
		saveAlertSettings(db, person.id, { rhythm: 'never', distanceMeters: 500, categories: [] }, 300);
		saveAlertSettings(db, person.id, { rhythm: 'daily', distanceMeters: 500, categories: [] }, 400);
		expect(row()!.coveredUntil).toBe(400);
	});

	it('refuse a category that does not exist or is no longer used, and change nothing', () => {
		const { db, person, garden, row } = setup();
		db.update(categories).set({ active: false }).where(eq(categories.id, garden)).run();
		for (const ids of [[garden], [99_999]])
			expect(
				saveAlertSettings(
					db,
					person.id,
					{ rhythm: 'daily', distanceMeters: 1000, categories: ids },
					1
				)
			).toEqual({ ok: false, field: 'categories', error: 'alerts_err_category_unknown' });
		expect(row()).toBeUndefined();
	});

	it('take only the distances offered and a known rhythm (the form)', () => {
		const parse = (v: Record<string, unknown>) => alertSettingsSchema.safeParse(v);
		expect(parse({ rhythm: 'daily', distanceMeters: '2000', categories: ['3'] }).data).toEqual({
			rhythm: 'daily',
			distanceMeters: 2000,
			categories: [3]
		});
		const issues = (v: Record<string, unknown>) =>
			parse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);
		expect(issues({ rhythm: 'daily', distanceMeters: '750' })).toEqual([
			['distanceMeters', 'alerts_err_distance']
		]);
		expect(issues({ rhythm: 'hourly', distanceMeters: '500' })).toEqual([
			['rhythm', 'alerts_err_rhythm']
		]);
		expect(issues({ rhythm: undefined, distanceMeters: '500' })).toEqual([
			['rhythm', 'alerts_err_rhythm']
		]);
	});
});
