import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinDateParts } from '$lib/schemas/fields';
import { extendSchema } from '$lib/schemas/lending';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { loans } from '$lib/server/db/schema';
import { loansOf } from '$lib/server/lending/booking-view';
import { cancelReservation, extendLoan, ReservationError } from '$lib/server/lending/reservations';
import { leaveWaitlist, waitlistOf } from '$lib/server/lending/waitlist';
import type { Actions, PageServerLoad } from './$types';

/** Only the person's own loans: who borrowed what is for the desk and brokers alone. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const all = loansOf(db, user.id);
	return {
		current: all.filter((l) => l.active),
		past: all.filter((l) => !l.active).reverse(),
		waitlist: waitlistOf(db, user.id),
		reserved: Number(event.url.searchParams.get('reserved')) || null,
		cancelled: event.url.searchParams.has('cancelled'),
		extended: event.url.searchParams.has('extended'),
		extendForm: await superValidate(zod4(extendSchema), { id: 'extend', errors: false })
	};
};

/** The loan, when it is this person's own; otherwise 404 (never say whose it is). */
function ownLoan(loanId: number, userId: string) {
	const loan = db.select().from(loans).where(eq(loans.id, loanId)).get();
	if (!loan || loan.borrowerId !== userId) error(404, 'not found');
	return loan;
}

export const actions: Actions = {
	cancel: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const loan = ownLoan(Number(data.get('loanId')), user.id);
		try {
			cancelReservation(db, loan.id, user.id, 'borrower', clock.now(), siteOrigin());
		} catch (e) {
			if (e instanceof ReservationError) return fail(409, { loanId: loan.id, refused: e.code });
			throw e;
		}
		redirect(303, '/loans?cancelled=1');
	},
	extend: async (event) => {
		const user = requireUser(event);
		const posted = joinDateParts(await event.request.formData(), 'endDate');
		const form = await superValidate(posted, zod4(extendSchema), { id: 'extend' });
		if (!form.valid) return fail(400, { extendForm: form });
		const loan = ownLoan(form.data.loanId, user.id);
		try {
			extendLoan(db, loan.id, user.id, form.data.endDate, clock.now());
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			setError(form, 'endDate', e.code);
			return fail(409, { extendForm: form, params: e.params });
		}
		redirect(303, '/loans?extended=1');
	},
	leaveWaitlist: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		leaveWaitlist(db, Number(data.get('toolId')), user.id);
		return { leftWaitlist: true };
	}
};
