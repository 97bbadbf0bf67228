import { joinDateParts } from '$lib/schemas/fields';
import type { DbOrTx } from '../db/client';
import type { Role } from '../db/schema';
import { DEFAULT_TIME_ZONE, localDate } from '../calendar';
import { timeZonesOf } from '../neighbourhoods/public';
import { brokeredNeighbourhoods } from '../neighbourhoods/brokers';
import { periodQuerySchema, resolvePeriod, type Period, type PeriodQuery } from './period';

const yearOf = (q: PeriodQuery, now: number, timeZone: string) =>
	String(q.year ?? localDate(now, timeZone).slice(0, 4));

export interface ReportRequest {
	/** The neighbourhoods the person may report on. */
	choices: { id: number; name: string }[];
	/** The chosen one, or null for all of the choices. */
	chosen: number | null;
	ids: number[];
	period: Period;
	/** What the person chose or typed, to show in the form again. */
	values: Record<'period' | 'year' | 'month' | 'quarter' | 'from' | 'to', string>;
	/** Message keys per field when the period was not valid (the year is shown instead). */
	errors: Record<string, string>;
}

/**
 * Reads the report's GET parameters for this person. Returns null when they asked for a
 * neighbourhood that is not theirs (the route answers 403).
 */
export function readReportRequest(
	db: DbOrTx,
	user: { id: string; role: Role },
	asked: URLSearchParams,
	now: number
): ReportRequest | null {
	// The custom period's dates come as day / month / year boxes (DateField); "?from=YYYY-MM-DD"
	// links made before them still work.
	const params = joinDateParts(new URLSearchParams(asked), 'from', 'to');
	const choices = brokeredNeighbourhoods(db, user).map((n) => ({ id: n.id, name: n.name }));
	const wanted = params.get('n');
	const chosen = wanted && /^\d+$/.test(wanted) ? Number(wanted) : null;
	if (chosen !== null && !choices.some((c) => c.id === chosen)) return null;
	const ids = chosen === null ? choices.map((c) => c.id) : [chosen];
	// Empty fields of the GET form mean "not chosen".
	const given = Object.fromEntries([...params].filter(([, value]) => value !== ''));
	const parsed = periodQuerySchema.safeParse(given);
	const errors: Record<string, string> = {};
	let query: PeriodQuery;
	if (parsed.success) query = parsed.data;
	else {
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] = issue.message;
		query = { period: 'year' };
	}
	// The period's dates (this year, this month) are read in the first neighbourhood's calendar;
	// the figures then count those days in each neighbourhood's own time zone.
	const timeZone = timeZonesOf(db, ids).values().next().value ?? DEFAULT_TIME_ZONE;
	const period = resolvePeriod(query, timeZone, now);
	return {
		choices,
		chosen,
		ids,
		period,
		values: {
			period: query.period,
			year: params.get('year') ?? yearOf(query, now, timeZone),
			month: params.get('month') ?? '',
			quarter: params.get('quarter') ?? '',
			from: params.get('from') ?? '',
			to: params.get('to') ?? ''
		},
		errors
	};
}
