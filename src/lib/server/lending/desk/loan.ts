import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loans, matches, posts, tools, users } from '../../db/schema';

/**
 * One loan as the desk's loan page reads it: the loan, its tool (accessories as a list), the
 * borrower's name and contact, the parts handed out, and the job it is for; null when unknown.
 */
export function deskLoan(d: DbOrTx, loanId: number) {
	const row = d
		.select({
			loan: loans,
			tool: tools,
			borrowerName: users.displayName,
			phone: users.phone,
			email: users.email,
			forJob: posts.title
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.leftJoin(matches, eq(matches.id, loans.matchId))
		.leftJoin(posts, eq(posts.id, matches.postId))
		.where(eq(loans.id, loanId))
		.get();
	if (!row) return null;
	return {
		...row,
		tool: { ...row.tool, accessories: JSON.parse(row.tool.accessories) as string[] },
		partsOut: row.loan.partsOut ? (JSON.parse(row.loan.partsOut) as string[]) : []
	};
}

export type DeskLoan = NonNullable<ReturnType<typeof deskLoan>>;
