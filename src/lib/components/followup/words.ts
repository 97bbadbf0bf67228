import { m } from '$lib/paraglide/messages.js';
import type { FollowUpContinuation, FollowUpOutcome } from '$lib/followup';

/** The answers to "How did it go?" in words; the form and the broker's page read them here. */
export const outcomeText: Record<FollowUpOutcome, () => string> = {
	went_well: m.followup_outcome_went_well,
	partly: m.followup_outcome_partly,
	did_not_happen: m.followup_outcome_did_not_happen,
	call_me: m.followup_outcome_call_me
};

/** The answers to "Will you continue?" in words. */
export const continuationText: Record<FollowUpContinuation, () => string> = {
	yes: m.followup_continuation_yes,
	no: m.followup_continuation_no,
	not_needed: m.followup_continuation_not_needed
};
