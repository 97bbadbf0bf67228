import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loans, tools, users } from '../../db/schema';

/**
 * What the desk just did with a loan, to say it in words after a hand-out or a check-in
 * ("Grasmaaier (T-12) meegegeven aan Fatima tot …"); null for a loan of another neighbourhood.
 */
export function loanDone(db: DbOrTx, neighbourhoodId: number, loanId: number) {
	return (
		db
			.select({
				tool: tools.name,
				assetTag: tools.assetTag,
				borrower: users.displayName,
				endDate: loans.endDate,
				status: loans.status
			})
			.from(loans)
			.innerJoin(tools, eq(tools.id, loans.toolId))
			.innerJoin(users, eq(users.id, loans.borrowerId))
			.where(and(eq(loans.id, loanId), eq(tools.neighbourhoodId, neighbourhoodId)))
			.get() ?? null
	);
}
