import { m } from '$lib/paraglide/messages.js';

export const BADGE_ORDER = [
	'met_in_person',
	'references',
	'good_conduct',
	'training',
	'phone_verified'
] as const;
export type Badge = (typeof BADGE_ORDER)[number];

/** A badge's name and plain-words explanation in the current language. */
export const badgeText: Record<Badge, { name: () => string; explain: () => string }> = {
	met_in_person: {
		name: m.trust_badge_met_in_person,
		explain: m.trust_badge_explain_met_in_person
	},
	references: { name: m.trust_badge_references, explain: m.trust_badge_explain_references },
	good_conduct: { name: m.trust_badge_good_conduct, explain: m.trust_badge_explain_good_conduct },
	training: { name: m.trust_badge_training, explain: m.trust_badge_explain_training },
	phone_verified: {
		name: m.trust_badge_phone_verified,
		explain: m.trust_badge_explain_phone_verified
	}
};
