/** The answers to "How did it go?"; shared by the database, the form and its validation. */
export const FOLLOW_UP_OUTCOMES = ['went_well', 'partly', 'did_not_happen', 'call_me'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** The answers to "Will you continue?". */
export const FOLLOW_UP_CONTINUATIONS = ['yes', 'no', 'not_needed'] as const;
export type FollowUpContinuation = (typeof FOLLOW_UP_CONTINUATIONS)[number];

/** Answers the broker sees on Today at once, with the comment. */
export const NEEDS_ATTENTION: readonly FollowUpOutcome[] = ['partly', 'did_not_happen', 'call_me'];

/**
 * Answers after which "Will you continue?" is not asked: someone who wants a call, or whose
 * help did not happen, has nothing to continue yet.
 */
export const NO_CONTINUATION: readonly FollowUpOutcome[] = ['call_me', 'did_not_happen'];
