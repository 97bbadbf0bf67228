import { describe, expect, it } from 'vitest';
import { CATEGORY_ICONS, categoryIconPaths } from '$lib/components/posts/category-icons';
import { createTestDb } from '../db/test-db';
import { categories } from '../db/schema';
import { ensureCategories } from './pilot';

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
