import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { personColumns, schemaTables, staleEntries, uncovered, unknownNames } from './coverage';
import { DELETION_STEPS } from './delete';
import { EXPORT_SECTIONS } from './export';
import { PERSONAL_DATA } from './personal-data';

describe('every column that refers to a person is covered', () => {
	it('has a download and a deletion decision for every such column in the schema', () => {
		expect(uncovered(schemaTables(), PERSONAL_DATA)).toEqual([]);
	});

	it('names only columns that exist, and download sections and deletion steps that exist', () => {
		expect(staleEntries(schemaTables(), PERSONAL_DATA)).toEqual([]);
		expect(
			unknownNames(
				PERSONAL_DATA,
				EXPORT_SECTIONS.map((s) => s.key),
				DELETION_STEPS.map((s) => s.name)
			)
		).toEqual([]);
	});

	it('finds every column of users and every foreign key to users, in any table', () => {
		const columns = personColumns(schemaTables());
		expect(columns).toContainEqual({ table: 'users', column: 'totp_key' });
		expect(columns).toContainEqual({ table: 'loans', column: 'borrower_id' });
		expect(columns).toContainEqual({ table: 'signals', column: 'filed_by_id' });
		expect(columns).not.toContainEqual({ table: 'loans', column: 'tool_id' });
	});

	it('fails for a new table with a foreign key to users that nobody covered', () => {
		const visits = sqliteTable('home_visits', {
			id: integer('id').primaryKey(),
			visitorId: text('visitor_id').references(() => users.id),
			note: text('note')
		});
		expect(uncovered([...schemaTables(), visits], PERSONAL_DATA)).toEqual([
			{ table: 'home_visits', column: 'visitor_id' }
		]);
		const map = {
			...PERSONAL_DATA,
			home_visits: {
				visitor_id: { download: 'visits', deletion: { step: 'visits', leaves: 'no rows' as const } }
			}
		};
		expect(uncovered([...schemaTables(), visits], map)).toEqual([]);
		expect(
			unknownNames(
				map,
				EXPORT_SECTIONS.map((s) => s.key),
				DELETION_STEPS.map((s) => s.name)
			)
		).toEqual([
			'home_visits.visitor_id: no download section "visits"',
			'home_visits.visitor_id: no deletion step "visits"'
		]);
	});
});
