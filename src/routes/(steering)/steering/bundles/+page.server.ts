import { DEFAULT_TIME_ZONE } from '$lib/neighbourhood-defaults';
import { requireSteering } from '$lib/server/auth/guard';
import { bundleOf, parseQuarter, quarterOf, quarterText } from '$lib/server/backoffice/bundle';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// The signal bundle of a quarter for the steering group's neighbourhoods: ready summaries only.
export const load: PageServerLoad = (event) => {
	const { neighbourhoods } = requireSteering(event);
	const quarter =
		parseQuarter(event.url.searchParams.get('quarter')) ??
		quarterOf(clock.now(), DEFAULT_TIME_ZONE);
	return {
		quarter: quarterText(quarter),
		themes: bundleOf(
			db,
			neighbourhoods.map((n) => n.id),
			quarter
		)
	};
};
