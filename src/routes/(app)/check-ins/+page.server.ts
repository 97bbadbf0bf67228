import { error, fail } from '@sveltejs/kit';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { callRecordSchema } from '$lib/schemas/circles';
import { requireUser } from '$lib/server/auth/guard';
import { callerOf, callsForCaller, recordCall } from '$lib/server/check-ins/calls';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { checkInCalls, checkInPlans, neighbourhoods, users } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

/** Plans where the person is the contact: the latest calls' state, so they know all is well. */
function asContact(userId: string) {
	return db
		.select({ plan: checkInPlans, person: users.displayName, timeZone: neighbourhoods.timeZone })
		.from(checkInPlans)
		.innerJoin(users, eq(users.id, checkInPlans.personId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, checkInPlans.neighbourhoodId))
		.where(and(eq(checkInPlans.contactId, userId), isNull(checkInPlans.endedAt)))
		.all()
		.map(({ plan, person, timeZone }) => ({
			id: plan.id,
			person,
			timeZone,
			last: db
				.select({
					dueAt: checkInCalls.dueAt,
					outcome: checkInCalls.outcome,
					escalation: checkInCalls.escalation
				})
				.from(checkInCalls)
				.where(eq(checkInCalls.planId, plan.id))
				.orderBy(desc(checkInCalls.dueAt))
				.limit(3)
				.all()
				.filter((c) => c.outcome !== null || c.escalation !== null)
		}));
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { calls: callsForCaller(db, user.id, clock.now()), contactOf: asContact(user.id) };
};

export const actions: Actions = {
	record: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const values = {
			callId: String(data.get('callId') ?? ''),
			outcome: String(data.get('outcome') ?? ''),
			note: String(data.get('note') ?? ''),
			signal: data.get('signal') === 'on'
		};
		const parsed = callRecordSchema.safeParse(values);
		const callId = Number(values.callId);
		// Only the caller writes their calls down.
		if (!Number.isInteger(callId) || callerOf(db, callId) !== user.id) error(404, 'not found');
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			return fail(400, {
				callId,
				values,
				field: String(issue.path[0] ?? 'outcome'),
				error: issue.message
			});
		}
		const answer = recordCall(
			db,
			callId,
			user.id,
			{ outcome: parsed.data.outcome!, note: parsed.data.note, signal: parsed.data.signal },
			event.url.origin,
			clock.now()
		);
		if (!answer.ok)
			return fail(409, { callId, values, field: 'outcome', error: `checkins_err_${answer.error}` });
		return {
			recorded: callId,
			retryAt: answer.retryAt,
			escalated: answer.escalated,
			cleared: answer.cleared,
			timeZone: answer.timeZone
		};
	}
};
