import { describe, expect, it } from 'vitest';
import { isolate, textDirection } from '$lib/i18n';
import { longDate, monthText } from '$lib/dates';
import { agoText, listText, numberText } from '$lib/intl';

// Dates, numbers and lists are written the way each of the five languages writes them (issue
// 19), by Intl rather than by pasting strings; plural forms are checked in locales.test.ts.

describe('dates per language', () => {
	it('writes a day with each language’s own words and order', () => {
		expect(longDate('2026-12-08', 'nl')).toBe('dinsdag 8 december 2026');
		expect(longDate('2026-12-08', 'fr')).toBe('mardi 8 décembre 2026');
		expect(longDate('2026-12-08', 'tr')).toBe('8 Aralık 2026 Salı');
		expect(longDate('2026-12-08', 'ar')).toBe('الثلاثاء، 8 ديسمبر 2026');
	});

	it('writes a month in each language', () => {
		expect(monthText('2026-03', 'fr')).toBe('mars 2026');
		expect(monthText('2026-03', 'tr')).toBe('Mart 2026');
		expect(monthText('2026-03', 'ar')).toBe('مارس 2026');
	});
});

describe('numbers per language', () => {
	it('groups thousands and writes decimals as the language does; Arabic with Western digits', () => {
		expect(numberText(1234.5, 'nl')).toBe('1.234,5');
		expect(numberText(1234.5, 'fr')).toBe('1\u202f234,5');
		expect(numberText(1234.5, 'tr')).toBe('1.234,5');
		// CLDR's convention for "ar" (as spoken in Morocco, Belgium, the Netherlands): 0–9.
		expect(numberText(1234.5, 'ar')).toBe('1,234.5');
	});
});

describe('lists per language', () => {
	it('joins with the language’s own "and"', () => {
		expect(listText(['a', 'b', 'c'], 'nl')).toBe('a, b en c');
		expect(listText(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
		expect(listText(['a', 'b', 'c'], 'tr')).toBe('a, b ve c');
		expect(listText(['أ', 'ب', 'ج'], 'ar')).toBe('أ وب وج');
		expect(listText(['a', 'b'], 'nl', 'or')).toBe('a of b');
	});

	it('joins a plain list with the language’s comma', () => {
		expect(listText(['a', 'b'], 'nl', 'unit')).toBe('a, b');
		expect(listText(['a', 'b'], 'ar', 'unit')).toBe('a، b');
	});
});

describe('text people wrote, inside a sentence', () => {
	it('is set apart in an Arabic sentence, and when it is Arabic itself', () => {
		expect(textDirection('ar')).toBe('rtl');
		expect(textDirection('fr')).toBe('ltr');
		expect(isolate('Boodschappen', 'ar')).toBe('\u2068Boodschappen\u2069');
		expect(isolate('فاطمة', 'nl')).toBe('\u2068فاطمة\u2069');
	});

	it('is left alone in a left-to-right sentence, so a Dutch SMS keeps its cheap alphabet', () => {
		expect(isolate('Boodschappen', 'nl')).toBe('Boodschappen');
		expect(isolate('', 'ar')).toBe('');
	});
});

describe('how long ago, per language', () => {
	it('uses each language’s own plural forms, Arabic’s dual too', () => {
		expect(agoText(2, 'day', 'nl')).toBe('2 dagen geleden');
		expect(agoText(2, 'day', 'ar')).toBe('قبل يومين');
		expect(agoText(11, 'hour', 'tr')).toBe('11 saat önce');
		expect(agoText(45, 'minute', 'fr')).toBe('il y a 45 minutes');
	});
});
