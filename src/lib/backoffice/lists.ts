/**
 * The back office's lists (issue 21), one per set of values: shared by the schema, the forms'
 * validation, the pages and the reports. Their words are in the message files.
 */

/** Where a partner's referral is: new (on Today), taken up by a broker, completed, or not taken on. */
export const PARTNER_REFERRAL_STATUSES = ['new', 'in_progress', 'completed', 'declined'] as const;
export type PartnerReferralStatus = (typeof PARTNER_REFERRAL_STATUSES)[number];

/** How a partner says the resident likes to be reached. */
export const PARTNER_CONTACT_WAYS = ['phone', 'email', 'visit', 'letter'] as const;
export type PartnerContactWay = (typeof PARTNER_CONTACT_WAYS)[number];

/** The answer to the check after a referral (seed 004 §3.2): did the service help? */
export const REFERRAL_CHECK_ANSWERS = ['helped', 'partly', 'not_helped', 'not_reached'] as const;
export type ReferralCheckAnswer = (typeof REFERRAL_CHECK_ANSWERS)[number];

/** Where the check after a referral stands. */
export const REFERRAL_CHECK_STATUSES = ['planned', 'asked', 'answered', 'cancelled'] as const;
export type ReferralCheckStatus = (typeof REFERRAL_CHECK_STATUSES)[number];

/**
 * How a request came in, for the reach monitor (seed 004 §1.4.2): the resident online, a carer
 * acting for them, a broker at a phone intake, or a partner's referral. Derived, never stored:
 * `posts.placed_by_id` and `partner_referrals.post_id` say it (reporting/channels of requests).
 */
export const REQUEST_CHANNELS = ['online', 'carer', 'phone', 'partner'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The kinds of item on one person's timeline (the broker's person page), for its filter. */
export const TIMELINE_KINDS = [
	'post',
	'response',
	'match',
	'follow_up',
	'task',
	'loan',
	'signal',
	'referral',
	'note',
	'badge',
	'gathering'
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
