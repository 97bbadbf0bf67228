import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import type { Coverage } from './personal-data';

export interface ColumnRef {
	table: string;
	column: string;
}

/** Every table of the schema. */
export function schemaTables(): SQLiteTable[] {
	return (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
}

/**
 * The columns that refer to a person, read from the schema: every column of `users` and every
 * column with a foreign key to `users`.
 */
export function personColumns(tables: SQLiteTable[]): ColumnRef[] {
	const found: ColumnRef[] = [];
	for (const table of tables) {
		const config = getTableConfig(table);
		if (config.name === 'users') {
			for (const c of config.columns) found.push({ table: 'users', column: c.name });
			continue;
		}
		for (const fk of config.foreignKeys) {
			const ref = fk.reference();
			if (getTableConfig(ref.foreignTable).name !== 'users') continue;
			for (const c of ref.columns) found.push({ table: config.name, column: c.name });
		}
	}
	return found;
}

/** Person columns with no entry in the map: each needs a download and a deletion decision. */
export function uncovered(
	tables: SQLiteTable[],
	map: Record<string, Record<string, Coverage>>
): ColumnRef[] {
	return personColumns(tables).filter((c) => !map[c.table]?.[c.column]);
}

/** Entries naming a table or column the schema does not have (renamed or dropped). */
export function staleEntries(
	tables: SQLiteTable[],
	map: Record<string, Record<string, Coverage>>
): ColumnRef[] {
	const columns = new Map(
		tables.map((t) => {
			const config = getTableConfig(t);
			return [config.name, new Set(config.columns.map((c) => c.name))];
		})
	);
	return Object.entries(map).flatMap(([table, entries]) =>
		Object.keys(entries)
			.filter((column) => !columns.get(table)?.has(column))
			.map((column) => ({ table, column }))
	);
}

/** Entries naming a download section or deletion step that does not exist. */
export function unknownNames(
	map: Record<string, Record<string, Coverage>>,
	sectionKeys: string[],
	stepNames: string[]
): string[] {
	const problems: string[] = [];
	for (const [table, entries] of Object.entries(map))
		for (const [column, c] of Object.entries(entries)) {
			if (typeof c.download === 'string' && !sectionKeys.includes(c.download))
				problems.push(`${table}.${column}: no download section "${c.download}"`);
			if ('step' in c.deletion && !stepNames.includes(c.deletion.step))
				problems.push(`${table}.${column}: no deletion step "${c.deletion.step}"`);
		}
	return problems;
}
