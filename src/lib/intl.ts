/**
 * `Intl.DateTimeFormat` is slow to build (a list page of 20 posts built dozens of them, a fifth
 * of its time) and quick to use, so each locale and set of options gets one, kept for good: the
 * combinations are few (locales × the formats below × time zones).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, options);
		formats.set(key, format);
	}
	return format;
}

/** Right-to-left scripts; `$lib/i18n` re-exports this as `textDirection`. */
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

export function textDirectionOf(locale: string): 'rtl' | 'ltr' {
	return RTL.has(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}

const lists = new Map<string, Intl.ListFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * "boodschappen, klusjes en vervoer" / "التسوق والأعمال الصغيرة والنقل": a list of words in a
 * language, with its own "and" (or "or"). `unit` is a plain list without a last word, for table
 * cells; Intl's own "unit" lists differ too much between languages (spaces only in English), so
 * it joins with the language's comma (Arabic "،").
 */
export function listText(
	items: readonly string[],
	locale: string,
	type: 'and' | 'or' | 'unit' = 'and'
): string {
	if (type === 'unit') return items.join(textDirectionOf(locale) === 'rtl' ? '، ' : ', ');
	const key = `${locale}|${type}`;
	let format = lists.get(key);
	if (!format) {
		format = new Intl.ListFormat(locale, { type: type === 'and' ? 'conjunction' : 'disjunction' });
		lists.set(key, format);
	}
	return format.format(items);
}

/** A number written the way the language writes it ("1.234" nl, "1 234" fr, "1,234" en/ar). */
export function numberText(
	value: number,
	locale: string,
	options: Intl.NumberFormatOptions = {}
): string {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numbers.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, options);
		numbers.set(key, format);
	}
	return format.format(value);
}

const relative = new Map<string, Intl.RelativeTimeFormat>();

/** "3 dagen geleden" / "قبل يومين": how long ago, with the language's own plural forms. */
export function agoText(count: number, unit: 'minute' | 'hour' | 'day', locale: string): string {
	let format = relative.get(locale);
	if (!format) {
		format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
		relative.set(locale, format);
	}
	return format.format(-count, unit);
}

/** An amount in euro cents as money in a language, e.g. "€ 4,60" (nl), "€4.60" (en). */
export function euroText(cents: number, locale: string): string {
	return numberText(cents / 100, locale, { style: 'currency', currency: 'EUR' });
}
