import { z } from 'zod';
import { locales } from '$lib/paraglide/runtime.js';
import { AGREEMENT_SECTIONS, type AgreementSection } from '$lib/volunteers/lists';
import { DESK_ACCEPTANCE } from '$lib/lending/lists';
import { requiredChoice, textField } from './fields';

/** The form field of one section in one language, e.g. `nl_tasks`. */
export const sectionField = (lang: string, section: AgreementSection) => `${lang}_${section}`;

const sectionText = (lang: string, section: AgreementSection) =>
	textField({
		// The legal reference is one short line (an article of law); the rest are paragraphs.
		max: section === 'legal_reference' ? 300 : 4000,
		required: lang === 'nl' ? 'volunteers_err_agreement_dutch' : undefined,
		multiline: section !== 'legal_reference'
	});

/** A new version of the volunteer agreement: every section in Dutch, other languages optional. */
export const volunteerAgreementSchema = z.object(
	Object.fromEntries(
		locales.flatMap((lang) =>
			AGREEMENT_SECTIONS.map((s) => [sectionField(lang, s), sectionText(lang, s)] as const)
		)
	)
);

/** The broker's setting: volunteers accept the agreement before they help. */
export const agreementRequiredSchema = z.object({ required: z.boolean().default(false) });

/** Only the methods a broker records (read aloud first); online is the helper's own button. */
export const OFFLINE_METHODS = DESK_ACCEPTANCE;

/** A broker records an acceptance given on paper or after reading the text aloud. */
export const recordAcceptanceSchema = z.object({
	method: requiredChoice(OFFLINE_METHODS, 'volunteers_err_method'),
	agreementId: z.coerce.number().int().positive()
});

/** The form's flat fields as the body stored per language (empty languages left out). */
export function bodyFromForm(data: Record<string, string>) {
	const body: Record<string, Partial<Record<AgreementSection, string>>> = {};
	for (const lang of locales) {
		const texts: Partial<Record<AgreementSection, string>> = {};
		for (const s of AGREEMENT_SECTIONS) {
			const text = data[sectionField(lang, s)]?.trim();
			if (text) texts[s] = text;
		}
		if (Object.keys(texts).length > 0) body[lang] = texts;
	}
	return body;
}

/** The form's flat fields filled from a stored body (to start a new version from the current one). */
export function formFromBody(body: Record<string, Partial<Record<AgreementSection, string>>>) {
	return Object.fromEntries(
		locales.flatMap((lang) =>
			AGREEMENT_SECTIONS.map((s) => [sectionField(lang, s), body[lang]?.[s] ?? ''])
		)
	);
}
