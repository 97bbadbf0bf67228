import { describe, expect, it } from 'vitest';
import { writingLanguage } from './languages';

describe('the language a resident writes in', () => {
	it('is the first language they speak, not the language they read the site in', () => {
		// Lotte reads the site in English but speaks Dutch first (the demo's case).
		expect(writingLanguage('["nl","en"]', 'en')).toBe('nl');
		expect(writingLanguage('["tr"]', 'nl')).toBe('tr');
	});

	it('is the site language they chose when they named no language', () => {
		expect(writingLanguage('[]', 'en')).toBe('en');
		expect(writingLanguage('["xx"]', 'nl')).toBe('nl');
	});
});
