import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { deskFigures } from '$lib/server/lending/figures';
import { requireSomeDesk } from '$lib/server/lending/desk/access';
import { neighbourhoodSettings } from '$lib/server/neighbourhoods/settings';
import { firstOfMonth, localDate, shiftMonths } from '$lib/server/calendar';
import { joinDateParts } from '$lib/schemas/fields';
import { figuresPeriodSchema } from '$lib/schemas/lending';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const now = clock.now();
	// This month by the neighbourhood's own calendar.
	const month = firstOfMonth(localDate(now, neighbourhoodSettings(db, neighbourhoodId).timeZone));
	// The dates come as day / month / year boxes; "?from=YYYY-MM-DD" links still work.
	const params = joinDateParts(new URLSearchParams(event.url.searchParams), 'from', 'to');
	const typed = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
	const errors: { from?: string; to?: string } = {};
	for (const key of ['from', 'to'] as const) {
		// An empty box means "this month"; a date that cannot be gets a message beside it.
		const checked = figuresPeriodSchema.shape[key].safeParse(typed[key]);
		if (!checked.success) errors[key] = checked.error.issues[0]?.message ?? 'lending_err_date';
	}
	const from = !errors.from && typed.from ? typed.from : month;
	let to = !errors.to && typed.to ? typed.to : '';
	if (!to || to <= from) to = shiftMonths(from, 1);
	// The sentence above the tables names the last day counted, as people say a period.
	const [y, mo, d] = to.split('-').map(Number) as [number, number, number];
	const lastDay = new Date(Date.UTC(y, mo - 1, d - 1)).toISOString().slice(0, 10);
	return { from, to, lastDay, typed, errors, ...deskFigures(db, neighbourhoodId, from, to, now) };
};
