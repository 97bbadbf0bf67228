import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { makeNeighbourhood } from '../testing/posts';
import { RESIDENTS_PAGE_SIZE, searchResidents } from './residents';

function world() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const other = makeBareNeighbourhood(db, { centreLat: 0, centreLon: 0 });
	ctx.resident('Maria Janssens', { email: 'maria@test.example', phone: '015 41 22 87' });
	ctx.resident('Jozef Peeters', { email: 'jozef@test.example', phone: '0470/11.22.33' });
	ctx.resident('Marcel 100%', { email: 'marcel@test.example' });
	ctx.resident('Weg', { email: 'weg@test.example', status: 'deleted' });
	ctx.resident('Mariette Elders', { email: 'mariette@test.example', neighbourhoodId: other.id });
	return { db, hood: ctx.hood, other, resident: ctx.resident };
}

const names = (r: { items: { displayName: string }[] }) => r.items.map((i) => i.displayName);

describe('the broker’s resident search', () => {
	it('finds by name, e-mail or phone digits, only in the broker’s neighbourhoods', () => {
		const { db, hood, other } = world();
		expect(names(searchResidents(db, [hood.id], 'mar', 1))).toEqual([
			'Marcel 100%',
			'Maria Janssens'
		]);
		expect(names(searchResidents(db, [hood.id], 'JOZEF@test', 1))).toEqual(['Jozef Peeters']);
		expect(names(searchResidents(db, [hood.id], '0470 112233', 1))).toEqual(['Jozef Peeters']);
		expect(names(searchResidents(db, [hood.id], '41 22', 1))).toEqual(['Maria Janssens']);
		// A typed % is a percent sign, not "anything".
		expect(names(searchResidents(db, [hood.id], '100%', 1))).toEqual(['Marcel 100%']);
		expect(names(searchResidents(db, [hood.id], 'Weg', 1))).toEqual([]);
		expect(names(searchResidents(db, [hood.id, other.id], 'mari', 1))).toEqual([
			'Maria Janssens',
			'Mariette Elders'
		]);
		expect(names(searchResidents(db, null, 'mariette', 1))).toEqual(['Mariette Elders']);
		expect(searchResidents(db, [], 'mari', 1).items).toEqual([]);
		expect(searchResidents(db, [hood.id], '', 1).items).toHaveLength(3);
	});

	it('finds by street, with or without the house number', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		ctx.resident('Leon Markt', { email: 'l@test.example' });
		ctx.resident('Rosa', { streetId: ctx.street.id, houseNumber: '12' });
		ctx.resident('Ward', { streetId: ctx.street.id, houseNumber: '3' });
		expect(names(searchResidents(db, [ctx.hood.id], 'markt', 1))).toEqual([
			'Leon Markt',
			'Rosa',
			'Ward'
		]);
		const rosa = searchResidents(db, [ctx.hood.id], 'Markt 12', 1).items;
		expect(rosa.map((r) => [r.displayName, r.street, r.houseNumber])).toEqual([
			['Rosa', 'Markt', '12']
		]);
		expect(names(searchResidents(db, [ctx.hood.id], 'Kerkstraat', 1))).toEqual([]);
	});

	it('pages through everyone by name', () => {
		const { db, hood, resident } = world();
		for (let i = 0; i < RESIDENTS_PAGE_SIZE; i++) resident(`Zoë ${String(i).padStart(2, '0')}`);
		const first = searchResidents(db, [hood.id], '', 1);
		expect(first.items).toHaveLength(RESIDENTS_PAGE_SIZE);
		expect(first.hasNext).toBe(true);
		const second = searchResidents(db, [hood.id], '', 2);
		expect(names(second)).toEqual(['Zoë 22', 'Zoë 23', 'Zoë 24']);
		expect(second.hasNext).toBe(false);
	});
});
