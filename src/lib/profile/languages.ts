import { m } from '$lib/paraglide/messages.js';

/**
 * Languages a person can say they speak: the pilot's own residents' languages (seed 001) plus
 * the neighbouring national languages. Shared by the form, the schema and the server.
 */
export const LANGUAGE_CODES = [
	'nl',
	'fr',
	'en',
	'de',
	'tr',
	'ar',
	'ro',
	'pl',
	'es',
	'ber',
	'uk',
	'so'
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** Each language's name in that language itself: data, not UI text, so it is not translated. */
export const ENDONYMS: Record<LanguageCode, string> = {
	nl: 'Nederlands',
	fr: 'Français',
	en: 'English',
	de: 'Deutsch',
	tr: 'Türkçe',
	ar: 'العربية',
	ro: 'Română',
	pl: 'Polski',
	es: 'Español',
	ber: 'Tamaziɣt',
	uk: 'Українська',
	so: 'Soomaali'
};

const NAMES: Record<LanguageCode, () => string> = {
	nl: m.profile_lang_nl,
	fr: m.profile_lang_fr,
	en: m.profile_lang_en,
	de: m.profile_lang_de,
	tr: m.profile_lang_tr,
	ar: m.profile_lang_ar,
	ro: m.profile_lang_ro,
	pl: m.profile_lang_pl,
	es: m.profile_lang_es,
	ber: m.profile_lang_ber,
	uk: m.profile_lang_uk,
	so: m.profile_lang_so
};

const known = new Set<string>(LANGUAGE_CODES);

/** True for a code in the list. */
export function isLanguageCode(value: string): value is LanguageCode {
	return known.has(value);
}

/**
 * The language a resident most likely writes in, for `lang` on their posts, messages and profile
 * text (which carry no language of their own): the first language they said they speak (stored
 * in the form's order, Dutch first), else the language they chose for the site. Not the site
 * language alone: someone who reads the site in English may well write in Dutch.
 */
export function writingLanguage(spokenJson: string, siteLocale: string): string {
	const spoken: unknown = JSON.parse(spokenJson);
	const first = Array.isArray(spoken)
		? spoken.find((l): l is LanguageCode => typeof l === 'string' && isLanguageCode(l))
		: undefined;
	return first ?? siteLocale;
}

/** The language's name in the current UI language. */
export function languageName(code: LanguageCode): string {
	return NAMES[code]();
}
