import { TZDate } from '@date-fns/tz';
import { addMonths, format, startOfMonth } from 'date-fns';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { deskFigures } from '$lib/server/lending/figures';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import { timeZonesOf } from '$lib/server/neighbourhoods/public';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const now = clock.now();
	// This month by the neighbourhood's own calendar.
	const timeZone = timeZonesOf(db, [neighbourhoodId]).get(neighbourhoodId) ?? 'Europe/Brussels';
	const month = startOfMonth(new TZDate(now, timeZone));
	let from = event.url.searchParams.get('from') ?? '';
	let to = event.url.searchParams.get('to') ?? '';
	if (!DATE.test(from)) from = format(month, 'yyyy-MM-dd');
	if (!DATE.test(to) || to <= from) to = format(addMonths(new Date(from), 1), 'yyyy-MM-dd');
	// The sentence above the tables names the last day counted, as people say a period.
	const [y, mo, d] = to.split('-').map(Number) as [number, number, number];
	const lastDay = new Date(Date.UTC(y, mo - 1, d - 1)).toISOString().slice(0, 10);
	return { from, to, lastDay, ...deskFigures(db, neighbourhoodId, from, to, now) };
};
