import { describe, expect, it } from 'vitest';
import { telHref } from './phone';

describe('telHref', () => {
	it('makes a valid tel: link of a number as people write it', () => {
		// The Nu checker refuses a space after "tel:" (the desk and Today showed "tel:03 321 54 76").
		expect(telHref('03 321 54 76')).toBe('tel:033215476');
		expect(telHref('+32 (0)470/11.22.33')).toBe('tel:+320470112233');
	});
});
