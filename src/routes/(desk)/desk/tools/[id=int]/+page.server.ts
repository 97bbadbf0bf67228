import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import {
	backFromRepair,
	DeskError,
	markInRepair,
	RETIRE_REASONS,
	setToolOutOfService
} from '$lib/server/lending/desk';
import { requireDesk } from '$lib/server/lending/desk-access';
import { loanDone } from '$lib/server/lending/desk-done';
import { toolHistory } from '$lib/server/lending/history';
import { calendarDate, joinDateParts, textField } from '$lib/schemas/fields';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function guard(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const history = toolHistory(db, Number(event.params.id));
	if (!history) error(404, 'not_found');
	const user = requireDesk(event, history.tool.neighbourhoodId);
	return { history, user };
}

export const load: PageServerLoad = (event) => {
	const { history } = guard(event);
	const loanId = Number(event.url.searchParams.get('loan'));
	return {
		...history,
		// After a check-in: which tool came back from whom.
		returned:
			event.url.searchParams.get('done') === 'in' && loanId
				? loanDone(db, history.tool.neighbourhoodId, loanId)
				: null
	};
};

const repairSchema = z.object({
	note: textField({ max: 1000, required: 'desk_error_repair_note', multiline: true }),
	expectedDate: calendarDate({ message: 'desk_error_date', optional: true })
});

function run(fn: () => void, name: string, values: Record<string, unknown> = {}) {
	try {
		fn();
	} catch (e) {
		if (e instanceof DeskError)
			return fail(409, { action: name, values, errors: { form: [e.code] } });
		throw e;
	}
	return { action: name, done: true };
}

async function strings(request: Request): Promise<Record<string, string>> {
	// The repair's expected date comes as day / month / year boxes (DateField).
	const form = joinDateParts(await request.formData(), 'expectedDate');
	return Object.fromEntries(
		[...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')
	);
}

export const actions: Actions = {
	repair: async (event) => {
		const { history, user } = guard(event);
		const values = await strings(event.request);
		const parsed = repairSchema.safeParse({
			note: values.note ?? '',
			expectedDate: values.expectedDate ?? ''
		});
		if (!parsed.success)
			return fail(400, {
				action: 'repair',
				values,
				errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>
			});
		return run(
			() =>
				markInRepair(
					db,
					history.tool.id,
					user.id,
					{ note: parsed.data.note, expectedDate: parsed.data.expectedDate || null },
					clock.now()
				),
			'repair',
			values
		);
	},
	back: (event) => {
		const { history, user } = guard(event);
		return run(
			() => backFromRepair(db, history.tool.id, user.id, clock.now(), siteOrigin()),
			'back'
		);
	},
	retire: async (event) => {
		const { history, user } = guard(event);
		const values = await strings(event.request);
		const parsed = z
			.object({
				reason: z.enum(RETIRE_REASONS, { message: 'desk_error_retire_reason' }),
				confirm: z.literal('yes', { message: 'desk_error_confirm' })
			})
			.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				action: 'retire',
				values,
				errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>
			});
		return run(
			() =>
				setToolOutOfService(
					db,
					history.tool.id,
					user.id,
					'retired',
					parsed.data.reason,
					clock.now()
				),
			'retire',
			values
		);
	},
	missing: (event) => {
		const { history, user } = guard(event);
		return run(
			() => setToolOutOfService(db, history.tool.id, user.id, 'missing', null, clock.now()),
			'missing'
		);
	}
};
