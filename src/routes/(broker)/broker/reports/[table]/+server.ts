import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireBroker } from '$lib/server/auth/guard';
import { csvResponse } from '$lib/server/csv';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { buildReport } from '$lib/server/reporting/report';
import { periodLastDay } from '$lib/server/reporting/period';
import { readReportRequest } from '$lib/server/reporting/query';
import type { RequestHandler } from './$types';

/** One report table as CSV, with the same (suppressed) cells as the page. */
export const GET: RequestHandler = (event) => {
	const user = requireBroker(event);
	const now = clock.now();
	const request = readReportRequest(db, user, event.url.searchParams, now);
	if (!request) error(403, 'forbidden');
	const report = buildReport(db, request.ids, request.period, now, getLocale());
	const table = report.tables.find((t) => t.key === event.params.table);
	if (!table) error(404, 'not found');
	// Named by the first and the last day shown, as the page's heading names the period.
	const name = `naburig-${table.key}-${request.period.from}-${periodLastDay(request.period)}.csv`;
	return csvResponse(name, [table.columns, ...table.rows]);
};
