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
