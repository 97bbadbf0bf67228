import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CATEGORY_ICONS, categoryIconPaths } from '$lib/components/posts/category-icons';
import { locales } from '$lib/paraglide/runtime.js';
import { createTestDb } from '../db/test-db';
import { categories, toolCategories } from '../db/schema';
import { ensureToolCategories } from '../lending/categories';
import { categoryName, ensureCategories } from './pilot';

describe("the pilot's categories", () => {
	it('each name a line drawing of its own, never an emoji', () => {
		const db = createTestDb();
		ensureCategories(db);
		const icons = db.select({ icon: categories.icon }).from(categories).all();
		expect(icons).toHaveLength(11);
		for (const { icon } of icons) {
			expect(Object.keys(CATEGORY_ICONS)).toContain(icon);
			expect(icon).not.toBe('dot');
		}
		expect(new Set(icons.map((c) => c.icon)).size).toBe(icons.length);
	});

	it('show a plain dot for an icon without a drawing', () => {
		expect(categoryIconPaths('🔧')).toEqual(CATEGORY_ICONS.dot);
		expect(categoryIconPaths('paw')).toEqual(CATEGORY_ICONS.paw);
	});
});

describe('starting category names in every site language', () => {
	const namesOf = (rows: { slug: string; names: string }[]) =>
		Object.fromEntries(rows.map((r) => [r.slug, JSON.parse(r.names) as Record<string, string>]));

	it('a fresh database has every category in all five languages', () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		for (const table of [categories, toolCategories]) {
			const rows = db.select().from(table).all();
			expect(rows.length).toBeGreaterThan(0);
			for (const names of Object.values(namesOf(rows))) {
				expect(Object.keys(names).sort()).toEqual([...locales].sort());
				expect(Object.values(names).every((n) => n.trim() !== '')).toBe(true);
			}
		}
		const help = namesOf(db.select().from(categories).all());
		expect(help.shopping).toEqual({
			nl: 'Boodschappen',
			en: 'Shopping',
			fr: 'Courses',
			tr: 'Alışveriş',
			ar: 'التسوق'
		});
	});

	it('an older database gains the missing languages and keeps the names a broker chose', () => {
		const db = createTestDb();
		// As the pilot's database stands: Dutch and English only, one name renamed by a broker,
		// and a category of the broker's own that the starting list does not know.
		db.insert(categories)
			.values([
				{
					slug: 'shopping',
					icon: 'bag',
					names: JSON.stringify({ nl: 'Winkelen', en: 'Shopping' })
				},
				{
					slug: 'garden',
					icon: 'sprout',
					names: JSON.stringify({ nl: 'Tuinwerk', en: 'Garden work' })
				},
				{ slug: 'choir', icon: 'dot', names: JSON.stringify({ nl: 'Koor', en: 'Choir' }) }
			])
			.run();
		db.insert(toolCategories)
			.values({ slug: 'diy', names: JSON.stringify({ nl: 'Klusgerief', en: 'DIY' }) })
			.run();

		ensureCategories(db);
		ensureToolCategories(db);

		const help = namesOf(db.select().from(categories).all());
		expect(help.shopping).toEqual({
			nl: 'Winkelen',
			en: 'Shopping',
			fr: 'Courses',
			tr: 'Alışveriş',
			ar: 'التسوق'
		});
		expect(help.garden!.tr).toBe('Bahçe işleri');
		expect(help.choir).toEqual({ nl: 'Koor', en: 'Choir' });
		// No starting categories added beside the broker's list.
		expect(Object.keys(help).sort()).toEqual(['choir', 'garden', 'shopping']);
		const tool = namesOf(db.select().from(toolCategories).all());
		expect(tool.diy).toEqual({
			nl: 'Klusgerief',
			en: 'DIY',
			fr: 'Bricolage',
			tr: 'Tamir işleri',
			ar: 'أعمال الإصلاح'
		});
	});

	it('a second start changes nothing, not even a name a broker set after the first', () => {
		const db = createTestDb();
		db.insert(categories)
			.values({ slug: 'bins', icon: 'bin', names: JSON.stringify({ nl: 'Vuilnis', en: 'Bins' }) })
			.run();
		ensureCategories(db);
		const renamed = { nl: 'Vuilnis', en: 'Bins', fr: 'Poubelles', tr: 'Çöp', ar: 'القمامة' };
		db.update(categories)
			.set({ names: JSON.stringify(renamed) })
			.where(eq(categories.slug, 'bins'))
			.run();
		const before = db.select().from(categories).all();
		ensureCategories(db);
		expect(db.select().from(categories).all()).toEqual(before);
		expect(namesOf(before).bins).toEqual(renamed);
	});

	it('a name in a language the category lacks falls back to Dutch', () => {
		const names = JSON.stringify({ nl: 'Koor', en: 'Choir' });
		expect(categoryName(names, 'tr')).toBe('Koor');
		expect(categoryName(names, 'en')).toBe('Choir');
	});
});
