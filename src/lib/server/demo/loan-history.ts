import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { loans, toolRepairs, tools, users } from '../db/schema';
import { firstOfMonth, localDate, localInstant, shiftDate, shiftMonths } from '../calendar';
import {
	HISTORY_BORROWERS,
	HISTORY_MONTHS,
	historyLoans,
	HISTORY_TOOL_TAGS
} from './history-pattern';

/**
 * Eleven months of past loans, returns and repairs, following historyLoans() so the reports
 * page shows believable lending figures and the end-to-end test knows them. Loan i of a month
 * runs three days from day 3 + 4i on tool i (mod 5); one or two of them (i = the month's
 * number, and two more, mod the month's loans) come back two days after their last day. In even months the ladder goes in repair on the
 * 26th for a day.
 */
export function seedDemoLoanHistory(
	tx: Tx,
	timeZone: string,
	deskId: string | null,
	now: number
): void {
	const toolIds = HISTORY_TOOL_TAGS.map(
		(tag) => tx.select({ id: tools.id }).from(tools).where(eq(tools.assetTag, tag)).get()!.id
	);
	const people = new Map(
		tx
			.select({ id: users.id, email: users.email })
			.from(users)
			.where(inArray(users.email, HISTORY_BORROWERS))
			.all()
			.map((u) => [u.email!, u.id])
	);
	const borrowers = HISTORY_BORROWERS.map((e) => people.get(e)).filter((id) => id !== undefined);
	if (borrowers.length === 0) return;
	const thisMonth = firstOfMonth(localDate(now, timeZone));
	const day = shiftDate;
	for (let ago = HISTORY_MONTHS; ago >= 1; ago--) {
		const first = shiftMonths(thisMonth, -ago);
		const plan = historyLoans(ago);
		for (let i = 0; i < plan.loans; i++) {
			const start = day(first, 2 + 4 * i);
			const end = day(start, 2);
			// The late ones move round the tools from month to month.
			const late = [ago % plan.loans, (ago + 2) % plan.loans].slice(0, plan.late).includes(i);
			const toolId = toolIds[i % toolIds.length]!;
			tx.insert(loans)
				.values({
					toolId,
					borrowerId: borrowers[(ago + i) % borrowers.length]!,
					status: 'returned',
					startDate: start,
					endDate: end,
					createdAt: localInstant(day(start, -2), '10:00', timeZone),
					checkedOutAt: localInstant(start, '10:00', timeZone),
					checkedOutById: deskId,
					conditionOut: 'good',
					partsOut: '[]',
					checkedInAt: localInstant(late ? day(end, 2) : end, '11:00', timeZone),
					checkedInById: deskId,
					conditionIn: 'good',
					partsBack: '[]'
				})
				.run();
		}
		if (plan.repairs > 0)
			tx.insert(toolRepairs)
				.values({
					toolId: toolIds[2]!,
					note: 'Een scharnier klemt. Nagekeken en gesmeerd.',
					startedAt: localInstant(day(first, 25), '10:00', timeZone),
					startedById: deskId,
					endedAt: localInstant(day(first, 26), '10:00', timeZone)
				})
				.run();
	}
}
