import { error, fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '$lib/server/clock';
import { config, siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { loans, matches, posts, tools, users, TOOL_CONDITIONS } from '$lib/server/db/schema';
import {
	checkIn,
	checkOut,
	DEPOSIT_WAIVER_REASONS,
	DeskError,
	localToday
} from '$lib/server/lending/desk';
import { requireDesk } from '$lib/server/lending/desk-access';
import { cancelReservation, extendLoan, ReservationError } from '$lib/server/lending/reservations';
import { markNotCollected, releaseDate } from '$lib/server/lending/uncollected';
import { deskCancelSchema, extendSchema } from '$lib/schemas/lending';
import { calendarDate, joinDateParts, textField } from '$lib/schemas/fields';
import {
	keepPhoto,
	PhotoError,
	preparePhoto,
	readPhotoForm,
	type PreparedPhoto,
	type StoredPhoto
} from '$lib/server/lending/photos';
import type { Actions, PageServerLoad } from './$types';

function loadLoan(id: number) {
	const row = db
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
		.where(eq(loans.id, id))
		.get();
	if (!row) error(404, 'not_found');
	return row;
}

export const load: PageServerLoad = (event) => {
	const row = loadLoan(Number(event.params.id));
	requireDesk(event, row.tool.neighbourhoodId);
	return {
		loan: row.loan,
		tool: { ...row.tool, accessories: JSON.parse(row.tool.accessories) as string[] },
		borrowerName: row.borrowerName,
		phone: row.phone,
		forJob: row.forJob,
		booked: event.url.searchParams.has('booked'),
		cancelled: event.url.searchParams.has('cancelled'),
		notCollected: event.url.searchParams.has('not_collected'),
		hasEmail: !!row.email,
		// From its pick-up day on, the desk may mark a reservation not picked up.
		pickupDayCome: localToday(db, row.tool.neighbourhoodId, clock.now()) >= row.loan.startDate,
		releaseDate: releaseDate(row.loan.startDate),
		maxDays: row.tool.loanDaysMax,
		partsOut: row.loan.partsOut ? (JSON.parse(row.loan.partsOut) as string[]) : []
	};
};

const outSchema = z
	.object({
		condition: z.enum(TOOL_CONDITIONS, { message: 'desk_error_condition' }),
		deposit: z.enum(['none', 'taken', 'waived'], { message: 'desk_error_deposit' }),
		waiverReason: z
			.enum(DEPOSIT_WAIVER_REASONS)
			.optional()
			.or(z.literal('').transform(() => undefined))
	})
	.refine((v) => v.deposit !== 'waived' || !!v.waiverReason, {
		path: ['waiverReason'],
		message: 'desk_error_waiver_reason'
	});

const inSchema = z
	.object({
		condition: z.enum(TOOL_CONDITIONS, { message: 'desk_error_condition' }),
		damage: textField({ max: 2000, multiline: true }).default(''),
		after: z.enum(['available', 'in_repair']).default('available'),
		repairNote: textField({ max: 1000, multiline: true }).default(''),
		expectedDate: calendarDate({ message: 'desk_error_date', optional: true }).default('')
	})
	.refine((v) => v.after !== 'in_repair' || v.repairNote.length > 0, {
		path: ['repairNote'],
		message: 'desk_error_repair_note'
	});

function errorsOf(e: z.ZodError): Record<string, string[]> {
	return z.flattenError(e).fieldErrors as Record<string, string[]>;
}

export const actions: Actions = {
	// A resident phoned: they no longer need it. The same cancelling as on /loans, with a reason.
	cancel: async (event) => {
		const row = loadLoan(Number(event.params.id));
		const user = requireDesk(event, row.tool.neighbourhoodId);
		const values = Object.fromEntries(
			[...(await event.request.formData()).entries()].filter(([, v]) => typeof v === 'string')
		) as Record<string, string>;
		const parsed = deskCancelSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { form: 'cancel', values, errors: errorsOf(parsed.error) });
		try {
			cancelReservation(db, row.loan.id, user.id, parsed.data.reason, clock.now(), siteOrigin());
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			return fail(409, { form: 'cancel', values, errors: { form: [e.code] } });
		}
		redirect(303, `/desk/loans/${row.loan.id}?cancelled=1`);
	},
	// Nobody came: the days are released now rather than by the reminder job after the grace day.
	notCollected: async (event) => {
		const row = loadLoan(Number(event.params.id));
		const user = requireDesk(event, row.tool.neighbourhoodId);
		try {
			markNotCollected(db, row.loan.id, user.id, clock.now(), siteOrigin());
		} catch (e) {
			if (!(e instanceof DeskError)) throw e;
			return fail(409, { form: 'notCollected', values: {}, errors: { form: [e.code] } });
		}
		redirect(303, `/desk/loans/${row.loan.id}?not_collected=1`);
	},
	// The desk extends a loan or reservation by phone, under the same overlap rule as residents.
	extend: async (event) => {
		const row = loadLoan(Number(event.params.id));
		const user = requireDesk(event, row.tool.neighbourhoodId);
		const data = Object.fromEntries(joinDateParts(await event.request.formData(), 'endDate'));
		const parsed = extendSchema.safeParse({ ...data, loanId: row.loan.id });
		const endDate = String(data.endDate ?? '');
		if (!parsed.success)
			return fail(400, { extendError: 'lending_err_date', extendParams: {}, endDate });
		try {
			extendLoan(db, row.loan.id, user.id, parsed.data.endDate, clock.now());
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			return fail(409, { extendError: e.code, extendParams: e.params ?? {}, endDate });
		}
		return { extended: true };
	},
	checkOut: async (event) => {
		const row = loadLoan(Number(event.params.id));
		const user = requireDesk(event, row.tool.neighbourhoodId);
		const form = await event.request.formData();
		const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
		const parsed = outSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'out', values, errors: errorsOf(parsed.error) });
		const accessories: string[] = JSON.parse(row.tool.accessories);
		const partsOut = form
			.getAll('parts')
			.filter((p): p is string => typeof p === 'string' && accessories.includes(p));
		try {
			checkOut(
				db,
				row.loan.id,
				user.id,
				{ ...parsed.data, partsOut, waiverReason: parsed.data.waiverReason ?? null },
				clock.now()
			);
		} catch (e) {
			if (e instanceof DeskError)
				return fail(409, { form: 'out', values, errors: { form: [e.code] } });
			throw e;
		}
		redirect(303, `/desk?done=out&loan=${row.loan.id}`);
	},
	checkIn: async (event) => {
		const row = loadLoan(Number(event.params.id));
		const user = requireDesk(event, row.tool.neighbourhoodId);
		const form = await readPhotoForm(event.request);
		if (!form)
			return fail(413, { form: 'in', values: {}, errors: { photo: ['desk_photo_error_size'] } });
		joinDateParts(form, 'expectedDate');
		const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
		const photo = form.get('photo');
		const hasPhoto = photo instanceof File && photo.size > 0;
		const parsed = inSchema.safeParse(values);
		if (!parsed.success) {
			const errors = errorsOf(parsed.error);
			// A file field cannot be filled in again by the server: say so beside it.
			if (hasPhoto) errors.photo = ['desk_photo_choose_again'];
			return fail(400, { form: 'in', values, errors });
		}
		const d = parsed.data;
		// The photo is stored as the photo of the damage report, so it needs a few words with it.
		if (hasPhoto && !d.damage)
			return fail(400, {
				form: 'in',
				values,
				errors: { damage: ['desk_error_damage_for_photo'], photo: ['desk_photo_choose_again'] }
			});
		let prepared: PreparedPhoto | null = null;
		try {
			if (hasPhoto) prepared = await preparePhoto(photo);
		} catch (e) {
			if (!(e instanceof PhotoError)) throw e;
			return fail(400, { form: 'in', values, errors: { photo: [e.code] } });
		}
		const partsBack = form.getAll('parts').filter((p): p is string => typeof p === 'string');
		const now = clock.now();
		const takeBack = (stored: StoredPhoto | null) =>
			checkIn(
				db,
				row.loan.id,
				user.id,
				{
					condition: d.condition,
					partsBack,
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
			const errors: Record<string, string[]> = { form: [e.code] };
			if (hasPhoto) errors.photo = ['desk_photo_choose_again'];
			return fail(409, { form: 'in', values, errors });
		}
		redirect(303, `/desk/tools/${row.tool.id}?done=in&loan=${row.loan.id}`);
	}
};
