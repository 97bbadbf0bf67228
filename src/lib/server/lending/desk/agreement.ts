import { desc, eq } from 'drizzle-orm';
import type { DB, DbOrTx } from '../../db/client';
import { borrowerAgreements } from '../../db/schema';
import { recordAudit } from '../../audit/audit';
import { publishAgreement } from '../agreements';

/** The newest version of the neighbourhood's borrower agreement, with its texts per language. */
export function latestAgreement(d: DbOrTx, neighbourhoodId: number) {
	const row = d
		.select()
		.from(borrowerAgreements)
		.where(eq(borrowerAgreements.neighbourhoodId, neighbourhoodId))
		.orderBy(desc(borrowerAgreements.version))
		.limit(1)
		.get();
	return row
		? {
				version: row.version,
				publishedAt: row.publishedAt,
				body: JSON.parse(row.body) as Record<string, string>
			}
		: null;
}

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
