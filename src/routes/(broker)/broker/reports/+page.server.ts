import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireBroker } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { buildReport } from '$lib/server/reporting/report';
import { quietStreets } from '$lib/server/reporting/reach';
import { periodLastDay } from '$lib/server/reporting/period';
import { readReportRequest } from '$lib/server/reporting/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const now = clock.now();
	const request = readReportRequest(db, user, event.url.searchParams, now);
	if (!request) error(403, 'forbidden');
	const { period } = request;
	return {
		isAdmin: user.role === 'admin',
		choices: request.choices,
		chosen: request.chosen,
		values: request.values,
		errors: request.errors,
		period: { from: period.from, lastDay: periodLastDay(period), timeZone: period.timeZone },
		generatedAt: now,
		report: buildReport(db, request.ids, period, now, getLocale()),
		// For the broker's eyes only: never in the CSV, the print-out for others or the steering view.
		quietStreets: quietStreets(db, request.ids, now),
		query: event.url.searchParams.toString()
	};
};
