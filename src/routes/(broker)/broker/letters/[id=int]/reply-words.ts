import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { FOLLOW_UP_CONTINUATIONS, FOLLOW_UP_OUTCOMES } from '$lib/followup';
import { isolate } from '$lib/i18n';

const outcomes = {
	went_well: m.followup_outcome_went_well,
	partly: m.followup_outcome_partly,
	did_not_happen: m.followup_outcome_did_not_happen,
	call_me: m.followup_outcome_call_me
} as const;
const continuations = {
	yes: m.followup_continuation_yes,
	no: m.followup_continuation_no,
	not_needed: m.followup_continuation_not_needed
} as const;

/**
 * The reply form printed with a follow-up letter, in the letter's language (not the broker's):
 * the follow-up page's own questions, with boxes to tick and lines to write on.
 */
export function replyWords(
	locale: Locale,
	r: {
		followUpId: number;
		name: string;
		other: string;
		neighbourhood: string;
		phone: string | null;
	}
) {
	const o = { locale };
	// Names are people's own words inside the letter's sentences.
	const own = (text: string) => isolate(text, locale);
	return {
		title: m.letters_reply_title({}, o),
		intro: m.letters_reply_intro({}, o),
		name: m.letters_reply_name({ name: own(r.name) }, o),
		ref: m.letters_reply_ref({ id: r.followUpId }, o),
		outcome: m.followup_outcome_legend({}, o),
		outcomes: FOLLOW_UP_OUTCOMES.map((v) => outcomes[v]({}, o)),
		continuation: m.followup_continuation_legend({}, o),
		continuationHint: m.followup_continuation_hint({}, o),
		continuations: FOLLOW_UP_CONTINUATIONS.map((v) => continuations[v]({}, o)),
		comment: m.followup_comment({}, o),
		commentHint: m.followup_comment_hint({ name: own(r.other) }, o),
		sendBack: r.phone
			? m.letters_reply_send_back({ neighbourhood: own(r.neighbourhood), phone: own(r.phone) }, o)
			: m.letters_reply_send_back_no_phone({ neighbourhood: own(r.neighbourhood) }, o)
	};
}
