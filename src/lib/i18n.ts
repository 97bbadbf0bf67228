import { textDirectionOf } from '$lib/intl';
import { ENDONYMS, isLanguageCode } from '$lib/profile/languages';
import { baseLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime.js';

/** A supported locale for any string, falling back to Dutch. */
export function toLocale(value: string | null | undefined): Locale {
	return value && isLocale(value) ? value : baseLocale;
}

/**
 * The language a person's messages go in when a broker registers them: the one the broker
 * chose with them, else the first language they speak that the site has, else Dutch.
 */
export function messageLanguage(
	chosen: string | null | undefined,
	spoken: readonly string[]
): Locale {
	if (chosen && isLocale(chosen)) return chosen;
	return spoken.find((l): l is Locale => isLocale(l)) ?? baseLocale;
}

/** "rtl" for right-to-left languages, otherwise "ltr". */
export const textDirection = textDirectionOf;

/** Unicode's "first strong isolate" and "pop directional isolate". */
const FSI = '\u2068';
const PDI = '\u2069';
const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/**
 * Text that people wrote (a name, a title), ready to be put INSIDE a translated sentence: set
 * apart so that a Dutch title in an Arabic sentence, or an Arabic name in a Dutch one, keeps its
 * own direction and does not pull the quotes and full stops around it to the wrong side (the
 * `<bdi>` of plain text: mails, SMS, and message parameters in pages). Left as it is when neither
 * the sentence's language nor the text is right to left, so Dutch SMS stay in the cheap
 * alphabet (the isolate marks are not in GSM 7-bit).
 */
export function isolate(text: string, locale: string): string {
	if (!text) return text;
	if (textDirectionOf(locale) === 'ltr' && !STRONG_RTL.test(text)) return text;
	return FSI + text + PDI;
}

/** Each site language's own name, for the language switch: the one list of own names. */
export const LANGUAGE_NAMES: Record<string, string> = Object.fromEntries(
	locales.map((l) => [l, isLanguageCode(l) ? ENDONYMS[l] : l])
);

export { locales };
