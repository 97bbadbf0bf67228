import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

// Plain-language rules for every text a person reads (issue 16, B1): checked on the message
// files themselves, so a new message that slips back into an old word fails here.

const ROOT = join(import.meta.dirname, '../../messages');

/** Every text of a locale as "file:key" → text; a message with variants gives one text per variant. */
function texts(locale: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const file of readdirSync(join(ROOT, locale))) {
		const json = JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')) as Record<
			string,
			unknown
		>;
		for (const [key, value] of Object.entries(json)) {
			if (key === '$schema') continue;
			if (typeof value === 'string') out.set(`${file}:${key}`, value);
			else if (Array.isArray(value))
				for (const variant of value as { match: Record<string, string> }[])
					for (const [when, text] of Object.entries(variant.match))
						out.set(`${file}:${key}[${when}]`, text);
		}
	}
	return out;
}

function offending(locale: string, pattern: RegExp): string[] {
	return [...texts(locale)]
		.filter(([, text]) => pattern.test(text))
		.map(([where, text]) => `${where}: ${text}`);
}

describe('the texts people read', () => {
	it('call the broker by one name: "buurtwerker" in Dutch', () => {
		expect(texts('nl').size).toBeGreaterThan(500);
		expect(offending('nl', /bemiddelaar|buurtloket|buurtlijn|makelaar/i)).toEqual([]);
	});

	it('call the broker by one name: "neighbourhood worker" in English', () => {
		expect(texts('en').size).toBeGreaterThan(500);
		expect(offending('en', /broker|neighbourhood desk|neighbourhood line|mediator/i)).toEqual([]);
	});

	it('call the broker by one name in French, Turkish and Arabic too', () => {
		const names: Record<string, [RegExp, RegExp]> = {
			fr: [/travailleur de quartier/i, /médiat|courtier|intermédiaire|guichet/i],
			tr: [/mahalle çalışanı/i, /(?<!\p{L})aracı(?!\p{L})|arabulucu|komisyoncu/iu],
			ar: [/العامل الاجتماعي/, /وسيط|سمسار/]
		};
		for (const [locale, [one, others]] of Object.entries(names)) {
			expect(offending(locale, others)).toEqual([]);
			expect(offending(locale, one).length, locale).toBeGreaterThan(40);
		}
	});

	it('avoid the words an outside reader found hard', () => {
		expect(offending('nl', /permanentie|klad|afgelopen|gedeeltelijk|overgenomen/i)).toEqual([]);
		expect(offending('en', /draft|partly|phone.duty|how did it end/i)).toEqual([]);
	});

	it('say "je" to everyone, never the formal "u"', () => {
		expect(offending('nl', /(^|[^\p{L}])(u|uw)([^\p{L}]|$)/iu)).toEqual([]);
	});

	it('count with real plural messages, never "dag(en)", "label(s)" or "afspraak/afspraken"', () => {
		const bracket = /\p{L}\((en|n|s|es|e|'s)\)/u;
		const slash = /\b(\p{L}{4,})\p{L}*\/\1/u;
		for (const locale of ['nl', 'en']) {
			expect(offending(locale, bracket)).toEqual([]);
			expect(offending(locale, slash)).toEqual([]);
		}
	});

	it('say one of something in the singular and more in the plural', () => {
		expect(m.lending_calendar_intro({ days: 1 }, { locale: 'nl' })).toContain(
			'blijft het 1 dag in'
		);
		expect(m.lending_calendar_intro({ days: 2 }, { locale: 'nl' })).toContain(
			'blijft het 2 dagen in'
		);
		expect(m.lending_calendar_intro({ days: 1 }, { locale: 'en' })).toContain('for 1 day to');
		expect(m.matching_reason_badges({ value: 1 }, { locale: 'nl' })).toBe('1 vertrouwenslabel');
		expect(m.matching_reason_badges({ value: 3 }, { locale: 'nl' })).toBe('3 vertrouwenslabels');
		expect(m.matching_reason_busy({ value: 1 }, { locale: 'nl' })).toBe(
			'Heeft al 1 lopende afspraak'
		);
		expect(m.matching_reason_busy({ value: 2 }, { locale: 'en' })).toBe(
			'Already has 2 ongoing matches'
		);
		expect(m.matching_reason_experienced({ value: 1 }, { locale: 'en' })).toBe(
			'Helped once before'
		);
		expect(m.matching_requests_waiting({ count: 1 }, { locale: 'nl' })).toBe(
			'1 reactie · geplaatst'
		);
		expect(m.matching_requests_waiting({ count: 0 }, { locale: 'en' })).toBe(
			'0 responses · posted'
		);
	});

	it('count in Arabic with its own forms for one, two, a few and many', () => {
		const forms = [1, 2, 3, 11].map((n) =>
			m.matching_reason_busy({ value: n }, { locale: 'ar' }).replace(/\d+/g, '#')
		);
		expect(new Set(forms).size).toBeGreaterThanOrEqual(3);
		expect(m.matching_reason_busy({ value: 1 }, { locale: 'ar' })).toMatch(/\p{Script=Arabic}/u);
	});
});
