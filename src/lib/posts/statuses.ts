/**
 * The statuses of a post and of what grows from it (responses, matches, the broker's proposals);
 * shared by the database schema, the server and the pages.
 *
 * draft: not sent yet; pending: waits for a broker's check; open: on the map and list;
 * filled: a request with as many matches as helpers needed; paused/closed: by the poster;
 * expired: a request nobody renewed; rejected/hidden: by a broker.
 */
export const POST_STATUSES = [
	'draft',
	'pending',
	'open',
	'filled',
	'paused',
	'closed',
	'expired',
	'rejected',
	'hidden'
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** Published: others can find the post (a broker may hide it; a suspension takes it down). */
export const PUBLISHED_STATUSES = ['open', 'filled', 'paused'] as const satisfies PostStatus[];
export type PublishedStatus = (typeof PUBLISHED_STATUSES)[number];

/** Statuses from which the poster may close a post (a rejected one: to withdraw it). */
export const CLOSABLE = [
	'draft',
	'pending',
	'rejected',
	'open',
	'filled',
	'paused',
	'expired'
] as const satisfies PostStatus[];
/** Statuses from which the poster may bring a post back. */
export const REOPENABLE = ['paused', 'closed', 'expired'] as const satisfies PostStatus[];
/** Statuses from which the poster may pause a post. */
export const PAUSABLE = ['open', 'filled'] as const satisfies PostStatus[];
/** Statuses of a request that "still needed" keeps on (or brings back to) the list. */
export const STILL_NEEDED_FROM = ['open', 'filled', 'expired'] as const satisfies PostStatus[];

export const RESPONSE_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const MATCH_STATUSES = ['active', 'done', 'cancelled', 'no_show', 'withdrawn'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
