import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireSteering } from '$lib/server/auth/guard';
import { bundleOf, parseQuarter, quarterText } from '$lib/server/backoffice/bundle';
import { bundleRows } from '$lib/server/backoffice/bundle-csv';
import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The bundle of a quarter for the steering group's neighbourhoods, as CSV . */
export const GET: RequestHandler = (event) => {
	const { neighbourhoods } = requireSteering(event);
	const quarter = parseQuarter(event.params.quarter);
	if (!quarter) error(404, 'not found');
	return csvResponse(
		`naburig-signals-${quarterText(quarter)}.csv`,
		bundleRows(
			bundleOf(
				db,
				neighbourhoods.map((n) => n.id),
				quarter
			),
			getLocale()
		)
	);
};
