import { m } from '$lib/paraglide/messages.js';
import type { SignalTheme } from '$lib/signals/kinds';
import type { PartnerContactWay, PartnerReferralStatus, ReferralCheckAnswer } from './lists';

// The back office's lists in the reader's words (typed: a value without words fails svelte-check).
const statuses: Record<PartnerReferralStatus, () => string> = {
	new: m.partners_status_new,
	in_progress: m.partners_status_in_progress,
	completed: m.partners_status_completed,
	declined: m.partners_status_declined
};
const contactWays: Record<PartnerContactWay, () => string> = {
	phone: m.partners_contact_phone,
	email: m.partners_contact_email,
	visit: m.partners_contact_visit,
	letter: m.partners_contact_letter
};

export const partnerStatusText = (s: PartnerReferralStatus) => statuses[s]();
export const partnerContactText = (c: PartnerContactWay) => contactWays[c]();

const themes: Record<SignalTheme, () => string> = {
	loneliness: m.bundle_theme_loneliness,
	care: m.bundle_theme_care,
	money: m.bundle_theme_money,
	housing: m.bundle_theme_housing,
	mobility: m.bundle_theme_mobility,
	safety: m.bundle_theme_safety,
	language: m.bundle_theme_language,
	digital: m.bundle_theme_digital,
	services: m.bundle_theme_services,
	other: m.bundle_theme_other
};
export const themeText = (t: SignalTheme) => themes[t]();

const answers: Record<ReferralCheckAnswer, () => string> = {
	helped: m.refcheck_answer_helped,
	partly: m.refcheck_answer_partly,
	not_helped: m.refcheck_answer_not_helped,
	not_reached: m.refcheck_answer_not_reached
};
export const checkAnswerText = (a: ReferralCheckAnswer) => answers[a]();
