import { getLocale } from '$lib/paraglide/runtime.js';
import { DEFAULT_TIME_ZONE } from '$lib/neighbourhood-defaults';
import { requireSteering } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { periodLastDay, resolvePeriod } from '$lib/server/reporting/period';
import { buildReport } from '$lib/server/reporting/report';
import type { PageServerLoad } from './$types';

/**
 * The same report as the brokers', for the steering group's neighbourhoods, by year: counts with
 * small ones hidden, no names and no lists of people or streets (the quiet streets are the
 * brokers' only and are not part of the report).
 */
export const load: PageServerLoad = (event) => {
	const { neighbourhoods } = requireSteering(event);
	const now = clock.now();
	const asked = Number(event.url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
	const period = resolvePeriod({ period: 'year', year }, DEFAULT_TIME_ZONE, now);
	const report = buildReport(
		db,
		neighbourhoods.map((n) => n.id),
		period,
		now,
		getLocale()
	);
	return {
		from: period.from,
		lastDay: periodLastDay(period),
		tables: report.tables
	};
};
