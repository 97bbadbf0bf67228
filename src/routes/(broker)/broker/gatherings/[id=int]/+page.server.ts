import { siteOrigin } from '$lib/server/config';
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isolate } from '$lib/i18n';
import { attendanceSchema, phoneSignupSchema } from '$lib/schemas/gathering';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import {
	cancelGathering,
	findGathering,
	neighbourhoodZone
} from '$lib/server/volunteers/gatherings';
import { phoneCandidates, signUp, signupsOf } from '$lib/server/volunteers/gathering-signups';
import { recordAttendance } from '$lib/server/volunteers/gathering-attendance';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const phone = zod4(phoneSignupSchema);
const attendance = zod4(attendanceSchema);

/** The gathering, when it belongs to a neighbourhood this broker works in. */
function gatheringOf(event: RequestEvent) {
	requireBroker(event);
	const gathering = findGathering(db, Number(event.params.id));
	if (!gathering) error(404, 'not found');
	const broker = requireBrokerOf(event, gathering.neighbourhoodId);
	return { gathering, broker };
}

export const load: PageServerLoad = async (event) => {
	const { gathering: g } = gatheringOf(event);
	const now = clock.now();
	const people = signupsOf(db, g.id);
	const taken = new Set(people.filter((p) => p.status !== 'cancelled').map((p) => p.userId));
	return {
		gathering: {
			id: g.id,
			kind: g.kind,
			name: g.name,
			description: g.description,
			place: g.place,
			startsAt: g.startsAt,
			endsAt: g.endsAt,
			timeZone: neighbourhoodZone(db, g.neighbourhoodId),
			capacity: g.capacity,
			audience: g.audience,
			refresherMonths: g.refresherMonths,
			cancelled: g.cancelledAt !== null,
			open: g.cancelledAt === null && g.startsAt > now,
			started: g.cancelledAt === null && g.startsAt <= now,
			attendanceRecordedAt: g.attendanceRecordedAt
		},
		people: people.map((p) => ({
			userId: p.userId,
			name: p.name,
			status: p.status,
			byPhone: p.byPhone,
			attended: p.attended
		})),
		candidates: phoneCandidates(db, g).filter((c) => !taken.has(c.id)),
		phoneForm: await superValidate(phone, { id: 'phone' }),
		attendanceForm: await superValidate(
			{ came: people.filter((p) => p.attended).map((p) => p.userId) },
			attendance,
			{ id: 'attendance', errors: false }
		)
	};
};

export const actions: Actions = {
	cancel: (event) => {
		const { gathering, broker } = gatheringOf(event);
		const done = cancelGathering(db, broker.id, gathering.id, clock.now(), siteOrigin());
		if (!done.ok) return fail(400, { cancelError: m.gatherings_err_started() });
		return { cancelled: done.told };
	},
	phone: async (event) => {
		const { gathering, broker } = gatheringOf(event);
		const form = await superValidate(event.request, phone, { id: 'phone' });
		if (!form.valid) return fail(400, { phoneForm: form });
		const person = phoneCandidates(db, gathering).find((c) => c.id === form.data.userId);
		if (!person) return setError(form, 'userId', 'gatherings_err_not_for_them');
		const done = signUp(db, gathering.id, person.id, clock.now(), broker.id);
		if (!done.ok)
			return setError(
				form,
				'userId',
				done.error === 'already'
					? 'gatherings_err_already'
					: done.error === 'closed'
						? 'gatherings_err_closed'
						: 'gatherings_err_not_for_them'
			);
		const name = isolate(person.name, getLocale());
		const text =
			done.signup.status === 'waiting'
				? m.gatherings_phone_waiting({ name })
				: m.gatherings_phone_done({ name });
		return message(form, { type: 'ok', text });
	},
	attendance: async (event) => {
		const { gathering, broker } = gatheringOf(event);
		const form = await superValidate(event.request, attendance, { id: 'attendance' });
		if (!form.valid) return fail(400, { attendanceForm: form });
		const done = recordAttendance(db, broker.id, gathering.id, form.data.came, clock.now());
		if (!done.ok)
			return message(
				form,
				{ type: 'error', text: m.gatherings_err_not_started() },
				{ status: 400 }
			);
		return message(form, { type: 'ok', text: m.gatherings_attendance_saved({ count: done.came }) });
	}
};
