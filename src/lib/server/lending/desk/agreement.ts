import type { DB } from '../../db/client';
import { recordAudit } from '../../audit/audit';
import { publishAgreement } from '../agreements';
import type { AgreementTexts } from '$lib/schemas/lending';

/** The desk publishes a new version (never an edit of the old one), in the audit log. */
export function publishDeskAgreement(
	db: DB,
	neighbourhoodId: number,
	texts: AgreementTexts,
	actorId: string,
	now: number
): void {
	// A language left empty is not stored, so its readers get the Dutch text with a note.
	const body = Object.fromEntries(Object.entries(texts).filter(([, text]) => text));
	db.transaction((tx) => {
		const id = publishAgreement(tx, neighbourhoodId, body, actorId, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'lending.agreement_publish',
				subjectType: 'borrower_agreement',
				subjectId: id,
				neighbourhoodId
			},
			now
		);
	});
}
