import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text';

describe('cellText', () => {
	it('writes counts and shares as the language writes numbers', () => {
		expect(cellText(1234, 'nl')).toBe('1.234');
		expect(cellText(1234, 'en')).toBe('1,234');
		expect(cellText('42%', 'nl')).toBe('42%');
		expect(cellText('42%', 'tr')).toBe('%42');
	});

	it('leaves marks and words as they are', () => {
		expect(cellText('< 5', 'ar')).toBe('< 5');
		expect(cellText('×', 'nl')).toBe('×');
		expect(cellText('jan 2026', 'nl')).toBe('jan 2026');
	});
});
