/**
 * Checked by `svelte-check`, never run: a map from a fixed list's values to their words,
 * typed `Record<Value, …>` as every such map is, fails the check when one value lacks its
 * words. Each `@ts-expect-error` below must find that error; if a list's type were ever
 * loosened (a list without `as const`, a map typed `Record<string, …>`), the directive would
 * be unused and the check fails all the same.
 */
import type { DayPart } from './day-parts';
import type { FollowUpOutcome } from './followup';
import type { ContactWay } from './intake/contact';
import type { PostKind, WhenType } from './posts/choices';
import type { MatchStatus, PostStatus } from './posts/statuses';
import type { SignalKind, SignalStatus } from './signals/kinds';
import type { BadgeKind } from './trust/badge-kinds';

type Words<V extends string> = Record<V, () => string>;
const word = () => '';

// @ts-expect-error 'hidden' has no words
export const postStatusWords: Words<PostStatus> = {
	draft: word,
	pending: word,
	open: word,
	filled: word,
	paused: word,
	closed: word,
	expired: word,
	rejected: word
};

// @ts-expect-error 'offer' has no words
export const postKindWords: Words<PostKind> = { request: word };

// @ts-expect-error 'recurring' has no words
export const whenTypeWords: Words<WhenType> = { flexible: word, date: word, window: word };

// @ts-expect-error 'evening' has no words
export const dayPartWords: Words<DayPart> = { morning: word, afternoon: word };

// @ts-expect-error 'no_show' has no words
export const matchStatusWords: Words<MatchStatus> = {
	active: word,
	done: word,
	cancelled: word,
	withdrawn: word
};

// @ts-expect-error 'policy' has no words
export const signalKindWords: Words<SignalKind> = { client: word, service: word };

// @ts-expect-error 'closed' has no words
export const signalStatusWords: Words<SignalStatus> = { received: word, picked_up: word };

// @ts-expect-error 'letter' has no words
export const contactWayWords: Words<ContactWay> = { phone: word, visit: word };

// @ts-expect-error 'phone_verified' has no words
export const badgeWords: Words<BadgeKind> = {
	met_in_person: word,
	references: word,
	good_conduct: word,
	training: word
};

// @ts-expect-error 'call_me' has no words
export const outcomeWords: Words<FollowUpOutcome> = {
	went_well: word,
	partly: word,
	did_not_happen: word
};
