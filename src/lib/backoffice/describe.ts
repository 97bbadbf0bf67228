import { m } from '$lib/paraglide/messages.js';
import type { PartnerContactWay, PartnerReferralStatus } from './lists';

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
