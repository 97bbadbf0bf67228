import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import { createTestDb } from '../db/test-db';
import { fundingSources, neighbourhoods, pickupPlaces, toolCategories, tools } from '../db/schema';
import { ensureToolCategories } from './categories';
import {
	CATALOGUE_PAGE_SIZE,
	findToolIdByTag,
	getPublicTool,
	listToolCategories,
	searchCatalogue,
	type CatalogueFilter
} from './catalogue';

let db: DB;
let ids: { drill: number; mower: number; old: number; odd: number };

function categoryId(slug: string): number {
	return db
		.select()
		.from(toolCategories)
		.all()
		.find((c) => c.slug === slug)!.id;
}

beforeEach(() => {
	db = createTestDb();
	ensureToolCategories(db);
	const hood = db
		.insert(neighbourhoods)
		.values({
			slug: 'test',
			name: 'Testwijk',
			boundary: '{}',
			centreLat: 51,
			centreLon: 3.7,
			phoneDutyNumber: '09 123 45 67',
			createdAt: 0
		})
		.returning()
		.all()[0]!;
	const place = db
		.insert(pickupPlaces)
		.values({
			neighbourhoodId: hood.id,
			name: 'Buurthuis',
			address: 'Plein 1',
			openingHours: JSON.stringify([{ day: 2, from: '09:00', to: '12:00' }])
		})
		.returning()
		.all()[0]!;
	const grant = db
		.insert(fundingSources)
		.values({
			name: 'KBS-subsidie 2024',
			funder: 'Koning Boudewijnstichting',
			grantReference: 'R-1'
		})
		.returning()
		.all()[0]!;
	const add = (assetTag: string, name: string, category: string, extra = {}) =>
		db
			.insert(tools)
			.values({
				neighbourhoodId: hood.id,
				assetTag,
				name,
				description: `Een ${name.toLowerCase()} om te lenen.`,
				categoryId: categoryId(category),
				pickupPlaceId: place.id,
				createdAt: 0,
				...extra
			})
			.returning()
			.all()[0]!.id;
	ids = {
		drill: add('KBS-001', 'Klopboormachine', 'diy', {
			fundingSourceId: grant.id,
			safetyNotes: 'Draag een bril.',
			accessories: JSON.stringify(['koffer']),
			depositCents: 2000
		}),
		mower: add('KBS-002', 'Grasmaaier', 'garden', { status: 'in_repair' }),
		old: add('KBS-003', 'Oude boormachine', 'diy', { status: 'retired' }),
		odd: add('tuin-7', 'Snoeischaar 100%', 'garden')
	};
});

describe('searchCatalogue', () => {
	const find = (filter: CatalogueFilter, locale: string) =>
		searchCatalogue(db, filter, locale).items;

	it('lists every tool that is not retired, with category and pick-up place', () => {
		const all = searchCatalogue(db, {}, 'nl').items;
		expect(all.map((t) => t.name)).toEqual(['Grasmaaier', 'Klopboormachine', 'Snoeischaar 100%']);
		expect(all[1]).toMatchObject({ categoryName: 'Klussen', pickupPlaceName: 'Buurthuis' });
		expect(all[0]?.status).toBe('in_repair');
	});

	it('finds words in the name or the description, ignoring case', () => {
		expect(find({ text: 'BOOR' }, 'nl').map((t) => t.id)).toEqual([ids.drill]);
		expect(find({ text: 'om te lenen' }, 'nl')).toHaveLength(3);
	});

	it('takes % and _ literally', () => {
		expect(find({ text: '100%' }, 'nl').map((t) => t.id)).toEqual([ids.odd]);
		expect(find({ text: '%' }, 'nl').map((t) => t.id)).toEqual([ids.odd]);
		expect(find({ text: '_' }, 'nl')).toEqual([]);
	});

	it('filters on a category, together with the words', () => {
		expect(find({ category: 'garden' }, 'en').map((t) => t.id)).toEqual([ids.mower, ids.odd]);
		expect(find({ category: 'garden' }, 'en')[0]?.categoryName).toBe('Garden');
		expect(find({ category: 'diy', text: 'maaier' }, 'nl')).toEqual([]);
		expect(find({ category: 'nope' }, 'nl')).toEqual([]);
	});

	it('shows one page at a time, keeping the filter, and counts all the tools found', () => {
		const hood = db.select().from(tools).get()!;
		for (let i = 1; i <= CATALOGUE_PAGE_SIZE + 2; i++)
			db.insert(tools)
				.values({
					...hood,
					id: undefined,
					assetTag: `HAM-${String(i).padStart(2, '0')}`,
					name: `Hamer ${String(i).padStart(2, '0')}`
				})
				.run();
		const first = searchCatalogue(db, { text: 'hamer' }, 'nl');
		expect(first).toMatchObject({ page: 1, pages: 2, total: CATALOGUE_PAGE_SIZE + 2 });
		expect(first.items).toHaveLength(CATALOGUE_PAGE_SIZE);
		expect(first.items[0]?.name).toBe('Hamer 01');
		const second = searchCatalogue(db, { text: 'hamer' }, 'nl', 2);
		expect(second.items.map((t) => t.name)).toEqual(['Hamer 25', 'Hamer 26']);
		expect(second).toMatchObject({ page: 2, pages: 2 });
		// A page past the end (an old bookmark) shows the last page rather than nothing.
		expect(searchCatalogue(db, { text: 'hamer' }, 'nl', 9).page).toBe(2);
		expect(searchCatalogue(db, { text: 'helikopter' }, 'nl', 3)).toEqual({
			items: [],
			page: 1,
			pages: 1,
			total: 0
		});
	});
});

describe('listToolCategories', () => {
	it('names the categories in the language asked, in their order', () => {
		const cats = listToolCategories(db, 'en');
		expect(cats[0]).toMatchObject({ slug: 'diy', name: 'DIY' });
		expect(cats.map((c) => c.slug)).toContain('garden');
	});
});

describe('findToolIdByTag', () => {
	it('finds a tag whatever its case, and trims spaces', () => {
		expect(findToolIdByTag(db, 'kbs-001')).toBe(ids.drill);
		expect(findToolIdByTag(db, '  KBS-002 ')).toBe(ids.mower);
		expect(findToolIdByTag(db, 'TUIN-7')).toBe(ids.odd);
	});

	it('says null for an unknown or empty tag', () => {
		expect(findToolIdByTag(db, 'KBS-999')).toBeNull();
		expect(findToolIdByTag(db, 'KBS-00')).toBeNull();
		expect(findToolIdByTag(db, '   ')).toBeNull();
	});
});

describe('getPublicTool', () => {
	it('gives the funding, pick-up place and how to reach the broker', () => {
		const tool = getPublicTool(db, ids.drill, 'nl')!;
		expect(tool).toMatchObject({
			name: 'Klopboormachine',
			safetyNotes: 'Draag een bril.',
			accessories: ['koffer'],
			depositCents: 2000,
			categoryName: 'Klussen',
			funding: {
				name: 'KBS-subsidie 2024',
				funder: 'Koning Boudewijnstichting',
				grantReference: 'R-1'
			},
			pickupPlace: {
				name: 'Buurthuis',
				address: 'Plein 1',
				openingHours: [{ day: 2, from: '09:00', to: '12:00' }]
			},
			neighbourhood: { name: 'Testwijk', phoneDutyNumber: '09 123 45 67' }
		});
	});

	it('leaves funding empty for a tool nobody funded, and null for an unknown id', () => {
		expect(getPublicTool(db, ids.mower, 'nl')!.funding).toBeNull();
		expect(getPublicTool(db, 9999, 'nl')).toBeNull();
	});
});
