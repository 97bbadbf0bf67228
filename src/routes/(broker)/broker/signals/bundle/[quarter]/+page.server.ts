import { error } from '@sveltejs/kit';
import { requireBroker } from '$lib/server/auth/guard';
import { bundleOf, parseQuarter, quarterText } from '$lib/server/backoffice/bundle';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

// The bundle of a quarter for one's own neighbourhoods, to print or download.
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const quarter = parseQuarter(event.params.quarter);
	if (!quarter) error(404, 'not found');
	const hoods = brokeredNeighbourhoods(db, user);
	return {
		quarter: quarterText(quarter),
		names: hoods.map((n) => n.name),
		themes: bundleOf(
			db,
			hoods.map((n) => n.id),
			quarter
		),
		csvHref: `/broker/signals/bundle/${quarterText(quarter)}/csv`
	};
};
