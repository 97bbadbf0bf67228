import { z } from 'zod';
import { calendarDate } from '$lib/schemas/fields';
import { PERIOD_KINDS, type PeriodKind } from '$lib/reporting';
import { daysFrom, localDate, localInstant, shiftDate, shiftMonths } from '../calendar';

/**
 * A reporting period: whole local days in the neighbourhood's time zone, from `from` up to but
 * not including `to`, split into calendar months for the charts.
 */
export interface Period {
	kind: PeriodKind;
	/** Local dates "YYYY-MM-DD"; `to` is the first day after the period. */
	from: string;
	to: string;
	timeZone: string;
	/** The same bounds as instants (UTC ms). */
	start: number;
	end: number;
	months: PeriodMonth[];
	days: number;
}

export interface PeriodMonth {
	/** "2026-03" */
	key: string;
	start: number;
	end: number;
}

/** What the period picker sends (GET parameters); messages are message keys. */
export const periodQuerySchema = z
	.object({
		period: z.enum(PERIOD_KINDS).catch('year'),
		year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
		month: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
		quarter: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
		from: calendarDate({ message: 'report_err_date' }).optional(),
		to: calendarDate({ message: 'report_err_date' }).optional()
	})
	.superRefine((v, ctx) => {
		if (v.period !== 'custom') return;
		if (!v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'report_err_date' });
		if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'report_err_date' });
		if (v.from && v.to && v.to < v.from)
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'report_err_order' });
		if (v.from && v.to && daysFrom(v.from, v.to) > 3 * 366)
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'report_err_too_long' });
	});
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

const at = (date: string, timeZone: string) => localInstant(date, '00:00', timeZone);

/**
 * The period a query stands for. Without a year the current one is used; a custom period's `to`
 * is inclusive as typed (the last day shown) and stored as the day after.
 */
export function resolvePeriod(q: PeriodQuery, timeZone: string, now: number): Period {
	const today = localDate(now, timeZone);
	const year = q.year ?? Number(today.slice(0, 4));
	let from: string;
	let to: string;
	if (q.period === 'custom' && q.from && q.to) {
		from = q.from;
		to = shiftDate(q.to, 1);
	} else if (q.period === 'month') {
		const month = q.month ?? Number(today.slice(5, 7));
		from = `${year}-${String(month).padStart(2, '0')}-01`;
		to = shiftMonths(from, 1);
	} else if (q.period === 'quarter') {
		const quarter = q.quarter ?? Math.ceil(Number(today.slice(5, 7)) / 3);
		from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
		to = shiftMonths(from, 3);
	} else {
		from = `${year}-01-01`;
		to = `${year + 1}-01-01`;
	}
	return buildPeriod(q.period, from, to, timeZone);
}

/** The last day a period shows ("YYYY-MM-DD"): the day before its `to`, as the page names it. */
export function periodLastDay(period: Pick<Period, 'to'>): string {
	return shiftDate(period.to, -1);
}

export function buildPeriod(kind: PeriodKind, from: string, to: string, timeZone: string): Period {
	const months: PeriodMonth[] = [];
	let cursor = `${from.slice(0, 7)}-01`;
	while (cursor < to) {
		const next = shiftMonths(cursor, 1);
		const startDate = cursor < from ? from : cursor;
		const endDate = next > to ? to : next;
		months.push({
			key: cursor.slice(0, 7),
			start: at(startDate, timeZone),
			end: at(endDate, timeZone)
		});
		cursor = next;
	}
	return {
		kind,
		from,
		to,
		timeZone,
		start: at(from, timeZone),
		end: at(to, timeZone),
		months,
		days: daysFrom(from, to)
	};
}

/** The period's bounds in one neighbourhood's own time zone. */
export interface Bounds {
	id: number;
	start: number;
	end: number;
	months: PeriodMonth[];
}

/**
 * The period's local days as instants for each neighbourhood, in its own time zone: a report
 * over neighbourhoods in different zones counts each one's January from its own midnight.
 */
export function boundsPer(period: Period, zones: Map<number, string>): Bounds[] {
	const perZone = new Map<string, Period>([[period.timeZone, period]]);
	return [...zones].map(([id, timeZone]) => {
		let p = perZone.get(timeZone);
		if (!p) {
			p = buildPeriod(period.kind, period.from, period.to, timeZone);
			perZone.set(timeZone, p);
		}
		return { id, start: p.start, end: p.end, months: p.months };
	});
}
