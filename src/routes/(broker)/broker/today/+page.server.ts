import { error, fail } from '@sveltejs/kit';
import { eq, inArray } from 'drizzle-orm';
import { requireBroker } from '$lib/server/auth/guard';
import { todayCounts } from '$lib/server/broker/moderation';
import { brokerSignals } from '$lib/server/broker/signals';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { tasks, users } from '$lib/server/db/schema';
import { staleProposals } from '$lib/server/matching/proposals';
import { countLettersToPrint } from '$lib/server/letters/letters';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import { lastReached } from '$lib/server/notify/last-reached';
import { viewTask } from '$lib/server/tasks/describe';
import { URGENT_TASK_KINDS } from '$lib/server/tasks/kinds';
import { completeTask, listOpenTasks } from '$lib/server/tasks/tasks';
import { textField } from '$lib/schemas/fields';
import { checkInOutcome } from '$lib/schemas/care';
import { completeCheckIn } from '$lib/server/volunteers/check-in';
import { pickUpHelpAsk } from '$lib/server/volunteers/help-asks';
import { careForToday } from '$lib/server/volunteers/today';
import { urgentOpenSignals } from '$lib/server/backoffice/signal-cycle';
import { openPartnerReferrals } from '$lib/server/backoffice/partner-referrals';
import { checksForToday } from '$lib/server/backoffice/referral-checks';
import type { Actions, PageServerLoad } from './$types';

/** What came of a task: optional, a few lines. */
const outcomeField = textField({ max: 1000, multiline: true });

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const hoods = brokeredNeighbourhoods(db, user);
	const ids = hoods.map((n) => n.id);
	const now = clock.now();
	const open = listOpenTasks(db, ids, now);
	const people = open.length
		? new Map(
				db
					.select({ id: users.id, name: users.displayName, phone: users.phone })
					.from(users)
					.where(
						inArray(
							users.id,
							open.map((t) => t.subjectUserId).filter((id): id is string => id !== null)
						)
					)
					.all()
					.map((u) => [u.id, u])
			)
		: new Map();
	// Which channel reached each person last: one query for every task's person.
	const reached = lastReached(db, [...people.keys()]);
	return {
		counts: {
			...todayCounts(db, ids, now),
			proposals: staleProposals(db, ids, now).length,
			signals: brokerSignals(db, ids).filter((s) => s.signal.status === 'received').length,
			followUps: open.filter((t) => t.kind.startsWith('follow_up_')).length,
			calls: open.filter((t) => t.kind === 'call_resident').length,
			overdue: open.filter((t) => t.kind === 'loan_overdue_call').length,
			letters: countLettersToPrint(db, ids)
		},
		care: careForToday(db, hoods, now),
		urgentSignals: urgentOpenSignals(db, ids),
		partnerReferrals: openPartnerReferrals(db, ids),
		referralChecks: checksForToday(db, ids, now),
		// Urgent ones (a check-in call nobody answered) first, the rest oldest first.
		tasks: [
			...open.filter((t) => URGENT_TASK_KINDS.includes(t.kind)),
			...open.filter((t) => !URGENT_TASK_KINDS.includes(t.kind))
		].map((t) => {
			const person = t.subjectUserId ? people.get(t.subjectUserId) : undefined;
			return {
				// In the language of the broker reading it.
				...viewTask(t, person?.name ?? ''),
				personId: person?.id ?? null,
				personName: person?.name ?? null,
				personPhone: person?.phone ?? null,
				lastReached: person ? (reached.get(person.id) ?? null) : null,
				urgent: URGENT_TASK_KINDS.includes(t.kind)
			};
		})
	};
};

export const actions: Actions = {
	complete: async (event) => {
		const user = requireBroker(event);
		const data = await event.request.formData();
		const id = Number(data.get('taskId'));
		const typed = String(data.get('outcome') ?? '');
		const outcome = outcomeField.safeParse(typed);
		const task = db.select().from(tasks).where(eq(tasks.id, id)).get();
		const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
		if (!task || task.neighbourhoodId === null || !ids.includes(task.neighbourhoodId))
			error(403, 'forbidden');
		// A check-in's outcome is required: it becomes the confidential note on the volunteer.
		const checked = task.kind === 'volunteer_check_in' ? checkInOutcome.safeParse(typed) : outcome;
		if (!checked.success)
			return fail(400, {
				taskId: id,
				outcome: typed,
				error: checked.error.issues[0]?.message ?? 'err_invalid'
			});
		if (task.kind === 'volunteer_check_in')
			completeCheckIn(db, task, user.id, checked.data, clock.now());
		else completeTask(db, id, user.id, checked.data, clock.now());
		return { completed: id };
	},
	pickUp: async (event) => {
		const user = requireBroker(event);
		const data = await event.request.formData();
		const id = Number(data.get('askId'));
		const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
		const done = Number.isInteger(id) ? pickUpHelpAsk(db, id, user.id, ids, clock.now()) : null;
		if (done === null || done === 'not_found') error(404, 'not found');
		// Already picked up (by a colleague, or a second click): the same calm answer.
		return { pickedUp: id };
	}
};
