import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { BadgeKind } from './badge-kinds';

/** A badge's name and plain-words explanation in the current language. */
export const badgeText: Record<BadgeKind, { name: () => string; explain: () => string }> = {
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

/** Completed helps are shown from these counts on: one, five and twenty-five. */
export const HELP_TIERS = [25, 5, 1] as const;
export type HelpTier = (typeof HELP_TIERS)[number];
/** The share of positive follow-ups is shown only from this many answers, so one answer never decides it. */
export const MIN_FOLLOW_UP_ANSWERS = 3;

/** Badges earned from the record, recomputed from the data every time (never stored). */
export interface EarnedBadges {
	/** Highest tier reached by completed helps, or null before the first. */
	helpsTier: HelpTier | null;
	/** Share of "went well" among the answers of the people helped; null under the minimum. */
	positive: { percent: number; answers: number } | null;
	/** UTC ms of sign-up. */
	memberSince: number;
	emailVerified: boolean;
}

/** What anyone may see of a person's trust: badges granted by a broker and badges earned. */
export interface PublicBadges {
	granted: { kind: BadgeKind; label: string | null; grantedAt: number }[];
	earned: EarnedBadges;
}

/** "Helped 5 times or more" for a tier, in the current language. */
export function helpsText(tier: HelpTier): { name: string; explain: string } {
	return {
		name: tier === 1 ? m.trust_earned_helps_one() : m.trust_earned_helps({ count: tier }),
		explain: m.trust_earned_explain_helps()
	};
}

/** "Met in person and Certificate of good conduct seen": badge names as one phrase. */
export function badgeNames(kinds: readonly BadgeKind[]): string {
	return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(
		kinds.map((k) => badgeText[k].name())
	);
}
