import { baseLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime.js';

/** Languages written right to left; Arabic is the one the pilot expects to add. */
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** A supported locale for any string, falling back to Dutch. */
export function toLocale(value: string | null | undefined): Locale {
	return value && isLocale(value) ? value : baseLocale;
}

/** "rtl" for right-to-left languages, otherwise "ltr". */
export function textDirection(locale: string): 'rtl' | 'ltr' {
	return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Each language's own name, for the language switch. */
export const LANGUAGE_NAMES: Record<string, string> = {
	nl: 'Nederlands',
	en: 'English',
	fr: 'Français',
	tr: 'Türkçe',
	ar: 'العربية'
};

export { locales };
