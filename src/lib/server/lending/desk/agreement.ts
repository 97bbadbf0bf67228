import type { DB } from '../../db/client';
import { recordAudit } from '../../audit/audit';
import { publishAgreement } from '../agreements';

/** The desk publishes a new version (never an edit of the old one), in the audit log. */
export function publishDeskAgreement(
	db: DB,
	neighbourhoodId: number,
	texts: { nl: string; en: string },
	actorId: string,
	now: number
): void {
	db.transaction((tx) => {
		const id = publishAgreement(tx, neighbourhoodId, texts, actorId, now);
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
