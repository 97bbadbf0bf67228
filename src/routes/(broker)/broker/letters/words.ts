import { m } from '$lib/paraglide/messages.js';
import type { LetterKind } from '$lib/letters';

/** What a letter is about, in the broker's words; a kind without words fails svelte-check. */
export const letterKindText: Record<LetterKind, () => string> = {
	follow_up: m.letters_kind_follow_up,
	follow_up_reminder: m.letters_kind_follow_up_reminder,
	match_made: m.letters_kind_match_made,
	loan: m.letters_kind_loan,
	other: m.letters_kind_other
};
