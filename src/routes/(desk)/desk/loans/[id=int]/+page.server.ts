import { error, redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as clock from '$lib/server/clock';
import { config, siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireDesk } from '$lib/server/lending/desk/access';
import { DeskError } from '$lib/server/lending/desk/errors';
import { checkIn, checkOut } from '$lib/server/lending/desk/hand-over';
import { deskLoan } from '$lib/server/lending/desk/loan';
import { localToday } from '$lib/server/lending/desk/today';
import { cancelReservation, extendLoan, ReservationError } from '$lib/server/lending/reservations';
import { markNotCollected, releaseDate } from '$lib/server/lending/uncollected';
import {
	keepPhoto,
	PhotoError,
	preparePhoto,
	readPhotoForm,
	type PreparedPhoto,
	type StoredPhoto
} from '$lib/server/lending/photos';
import {
	checkInSchema,
	checkOutSchema,
	deskCancelSchema,
	extendSchema
} from '$lib/schemas/lending';
import { joinDateParts } from '$lib/schemas/fields';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The loan of the address, for someone at its tool's desk; 404 when there is none. */
function guard(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const row = deskLoan(db, Number(event.params.id));
	if (!row) error(404, 'not_found');
	const user = requireDesk(event, row.tool.neighbourhoodId);
	return { row, user };
}

export const load: PageServerLoad = async (event) => {
	const { row } = guard(event);
	const { loan, tool } = row;
	return {
		loan,
		tool,
		borrowerName: row.borrowerName,
		phone: row.phone,
		forJob: row.forJob,
		booked: event.url.searchParams.has('booked'),
		cancelled: event.url.searchParams.has('cancelled'),
		notCollected: event.url.searchParams.has('not_collected'),
		hasEmail: !!row.email,
		// From its pick-up day on, the desk may mark a reservation not picked up.
		pickupDayCome: localToday(db, tool.neighbourhoodId, clock.now()) >= loan.startDate,
		releaseDate: releaseDate(loan.startDate),
		maxDays: tool.loanDaysMax,
		partsOut: row.partsOut,
		checkOutForm: await superValidate(
			{ condition: tool.condition, deposit: 'none' },
			zod4(checkOutSchema),
			{ id: 'checkOut', errors: false }
		),
		checkInForm: await superValidate(
			{ condition: loan.conditionOut ?? undefined },
			zod4(checkInSchema),
			{ id: 'checkIn', errors: false }
		),
		extendForm: await superValidate(
			{ loanId: loan.id, endDate: loan.endDate },
			zod4(extendSchema),
			{ id: 'extend', errors: false }
		),
		cancelForm: await superValidate(zod4(deskCancelSchema), { id: 'cancel', errors: false })
	};
};

/** A file field cannot be filled in again by the server: the photo's field says so. */
const CHOOSE_AGAIN = 'desk_photo_choose_again';

export const actions: Actions = {
	// A resident phoned: they no longer need it. The same cancelling as on /loans, with a reason.
	cancel: async (event) => {
		const { row, user } = guard(event);
		const form = await superValidate(event.request, zod4(deskCancelSchema), { id: 'cancel' });
		if (!form.valid) return fail(400, { cancelForm: form });
		try {
			cancelReservation(db, row.loan.id, user.id, form.data.reason!, clock.now(), siteOrigin());
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			setError(form, '', e.code);
			return fail(409, { cancelForm: form });
		}
		redirect(303, `/desk/loans/${row.loan.id}?cancelled=1`);
	},
	// Nobody came: the days are released now rather than by the reminder job after the grace day.
	notCollected: async (event) => {
		const { row, user } = guard(event);
		try {
			markNotCollected(db, row.loan.id, user.id, clock.now(), siteOrigin());
		} catch (e) {
			if (!(e instanceof DeskError)) throw e;
			return fail(409, { refused: e.code });
		}
		redirect(303, `/desk/loans/${row.loan.id}?not_collected=1`);
	},
	// The desk extends a loan or reservation by phone, under the same overlap rule as residents.
	extend: async (event) => {
		const { row, user } = guard(event);
		const posted = joinDateParts(await event.request.formData(), 'endDate');
		posted.set('loanId', String(row.loan.id));
		const form = await superValidate(posted, zod4(extendSchema), { id: 'extend' });
		if (!form.valid) return fail(400, { extendForm: form });
		try {
			extendLoan(db, row.loan.id, user.id, form.data.endDate, clock.now());
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			setError(form, 'endDate', e.code);
			return fail(409, { extendForm: form, params: e.params });
		}
		return { extendForm: form, extended: true };
	},
	checkOut: async (event) => {
		const { row, user } = guard(event);
		const form = await superValidate(event.request, zod4(checkOutSchema), { id: 'checkOut' });
		if (!form.valid) return fail(400, { checkOutForm: form });
		const { condition, parts, deposit, waiverReason } = form.data;
		try {
			checkOut(
				db,
				row.loan.id,
				user.id,
				{
					condition: condition!,
					partsOut: parts.filter((p) => row.tool.accessories.includes(p)),
					deposit: deposit!,
					waiverReason: waiverReason || null
				},
				clock.now()
			);
		} catch (e) {
			if (!(e instanceof DeskError)) throw e;
			setError(form, '', e.code);
			return fail(409, { checkOutForm: form });
		}
		redirect(303, `/desk?done=out&loan=${row.loan.id}`);
	},
	checkIn: async (event) => {
		const { row, user } = guard(event);
		const posted = await readPhotoForm(event.request);
		if (!posted) {
			const form = await superValidate(zod4(checkInSchema), { id: 'checkIn', errors: false });
			return fail(413, { checkInForm: form, photoError: 'desk_photo_error_size' });
		}
		const form = await superValidate(joinDateParts(posted, 'expectedDate'), zod4(checkInSchema), {
			id: 'checkIn'
		});
		const photo = posted.get('photo');
		const hasPhoto = photo instanceof File && photo.size > 0;
		const again = hasPhoto ? CHOOSE_AGAIN : null;
		if (!form.valid) return fail(400, { checkInForm: form, photoError: again });
		const d = form.data;
		// The photo is stored as the photo of the damage report, so it needs a few words with it.
		if (hasPhoto && !d.damage) {
			setError(form, 'damage', 'desk_error_damage_for_photo');
			return fail(400, { checkInForm: form, photoError: again });
		}
		let prepared: PreparedPhoto | null = null;
		try {
			if (hasPhoto) prepared = await preparePhoto(photo);
		} catch (e) {
			if (!(e instanceof PhotoError)) throw e;
			return fail(400, { checkInForm: form, photoError: e.code });
		}
		const now = clock.now();
		const takeBack = (stored: StoredPhoto | null) =>
			checkIn(
				db,
				row.loan.id,
				user.id,
				{
					condition: d.condition!,
					partsBack: d.parts,
					damage: d.damage ? { description: d.damage, photo: stored } : null,
					toRepair:
						d.after === 'in_repair'
							? { note: d.repairNote, expectedDate: d.expectedDate || null }
							: null
				},
				now,
				siteOrigin()
			);
		try {
			// The photo's files are written only for a check-in that commits (keepPhoto removes them otherwise).
			if (prepared) await keepPhoto(config.PHOTO_DIR, prepared, takeBack);
			else takeBack(null);
		} catch (e) {
			if (!(e instanceof DeskError)) throw e;
			setError(form, '', e.code);
			return fail(409, { checkInForm: form, photoError: again });
		}
		redirect(303, `/desk/tools/${row.tool.id}?done=in&loan=${row.loan.id}`);
	}
};
