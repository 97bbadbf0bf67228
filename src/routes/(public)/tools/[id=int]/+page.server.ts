import { error, redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime.js';
import { joinDateParts } from '$lib/schemas/fields';
import { agreementSchema, reservationSchema } from '$lib/schemas/lending';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { acceptAgreement, AgreementError } from '$lib/server/lending/agreements';
import { callUsList } from '$lib/server/neighbourhoods/call-us';
import { bookingView } from '$lib/server/lending/booking-view';
import { getPublicTool } from '$lib/server/lending/catalogue';
import { publicPhotos } from '$lib/server/lending/photos';
import { ReservationError, reserveTool } from '$lib/server/lending/reservations';
import { joinWaitlist, leaveWaitlist, WaitlistError } from '$lib/server/lending/waitlist';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function toolOf(event: Pick<RequestEvent, 'params'>) {
	const tool = getPublicTool(db, Number(event.params.id), getLocale());
	if (!tool) error(404, 'not found');
	return tool;
}

/**
 * Public: a tool's page is what its QR label opens, for anyone. Signed in, it also holds the
 * borrower agreement and the reservation form. Who booked which days is never shown here.
 */
export const load: PageServerLoad = async (event) => {
	const tool = toolOf(event);
	const user = event.locals.user;
	const booking = bookingView(db, tool.id, user?.id ?? null, clock.now(), getLocale())!;
	const suggested = booking.person?.suggested;
	return {
		tool,
		photos: publicPhotos(db, tool.id),
		booking,
		// Whom to call about this tool: its own neighbourhood, whoever reads the page.
		callUs: callUsList(db, { neighbourhoodId: tool.neighbourhood.id }),
		reserveForm: await superValidate(
			{ startDate: suggested?.startDate, endDate: suggested?.endDate, safetyRead: false },
			zod4(reservationSchema),
			{ id: 'reserve', errors: false }
		),
		agreementForm: await superValidate(
			{ agreementId: booking.person?.agreement?.id ?? 0, agree: false },
			zod4(agreementSchema),
			{ id: 'agreement', errors: false }
		)
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const user = requireUser(event);
		const tool = toolOf(event);
		const form = await superValidate(event.request, zod4(agreementSchema), { id: 'agreement' });
		if (!form.valid) return fail(400, { agreementForm: form });
		try {
			acceptAgreement(
				db,
				{ userId: user.id, agreementId: form.data.agreementId, method: 'online' },
				clock.now()
			);
		} catch (e) {
			if (e instanceof AgreementError) return setError(form, 'agree', e.code);
			throw e;
		}
		redirect(303, `/tools/${tool.id}#reserve`);
	},
	reserve: async (event) => {
		const user = requireUser(event);
		const tool = toolOf(event);
		const posted = joinDateParts(await event.request.formData(), 'startDate', 'endDate');
		const form = await superValidate(posted, zod4(reservationSchema), { id: 'reserve' });
		if (!form.valid) return fail(400, { reserveForm: form });
		let loanId: number;
		try {
			loanId = reserveTool(
				db,
				{
					toolId: tool.id,
					borrowerId: user.id,
					startDate: form.data.startDate,
					endDate: form.data.endDate,
					matchId: form.data.matchId || null
				},
				clock.now(),
				siteOrigin()
			).id;
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			// A refusal about the dates goes beside them; one about the person above the form.
			if (e.field !== 'form') setError(form, e.field, e.code);
			return fail(409, { reserveForm: form, params: e.params, refused: e.code });
		}
		redirect(303, `/loans?reserved=${loanId}`);
	},
	waitlist: (event) => {
		const user = requireUser(event);
		const tool = toolOf(event);
		try {
			joinWaitlist(db, tool.id, user.id, clock.now());
		} catch (e) {
			if (e instanceof WaitlistError) return fail(409, { waitlistError: e.code });
			throw e;
		}
		return { waitlisted: true };
	},
	leaveWaitlist: (event) => {
		const user = requireUser(event);
		leaveWaitlist(db, toolOf(event).id, user.id);
		return { leftWaitlist: true };
	}
};
