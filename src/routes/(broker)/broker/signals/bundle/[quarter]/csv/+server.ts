import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireBroker } from '$lib/server/auth/guard';
import { bundleOf, parseQuarter, quarterText } from '$lib/server/backoffice/bundle';
import { bundleRows } from '$lib/server/backoffice/bundle-csv';
import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { RequestHandler } from './$types';

/** The bundle of a quarter for one's own neighbourhoods, as CSV. */
export const GET: RequestHandler = (event) => {
	const user = requireBroker(event);
	const quarter = parseQuarter(event.params.quarter);
	if (!quarter) error(404, 'not found');
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	return csvResponse(
		`naburig-signals-${quarterText(quarter)}.csv`,
		bundleRows(bundleOf(db, ids, quarter), getLocale())
	);
};
