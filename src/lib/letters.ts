/**
 * What a printed letter is about, as the letters list and the print page tell it (words:
 * `routes/(broker)/broker/letters/words.ts`). Outbox kinds are free strings; these are the groups
 * a broker needs to tell letters apart.
 */
export const LETTER_KINDS = [
	'follow_up',
	'follow_up_reminder',
	'match_made',
	'loan',
	'other'
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The group of an outbox row's kind ("loan_return_reminder" → "loan"). */
export function letterKind(kind: string): LetterKind {
	if (kind === 'follow_up' || kind === 'follow_up_reminder' || kind === 'match_made') return kind;
	return kind.startsWith('loan_') ? 'loan' : 'other';
}
