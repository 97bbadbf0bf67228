import { monthText } from '$lib/dates';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { GATHERING_KINDS, type GatheringKind } from '$lib/volunteers/lists';
import type { DbOrTx } from '../db/client';
import { volunteerIds } from '../volunteers/who';
import type { Count, Counts, Pending, PendingTable } from './cells';
import type { Period } from './period';
import {
	expensesInPeriod,
	expensesPerMonth,
	gatheringsPerMonth,
	hoursInPeriod,
	hoursPerMonth
} from './volunteers';

type Label = (o: { locale: Locale }) => string;

const KIND_LABEL: Record<GatheringKind, Label> = {
	intervision: (o) => m.report_gathering_intervision({}, o),
	volunteer_meeting: (o) => m.report_gathering_volunteer_meeting({}, o),
	training: (o) => m.report_gathering_training({}, o),
	information_evening: (o) => m.report_gathering_information_evening({}, o),
	coffee_morning: (o) => m.report_gathering_coffee_morning({}, o),
	open_activity: (o) => m.report_gathering_open_activity({}, o)
};

/**
 * A sum of hours or euros, shown only when at least five helpers made it (their count is not
 * hidden as small): one helper's hours in a month are that person's hours. Hidden, it shows as
 * "×", and a total it is part of is settled like any count's (see cells.ts).
 */
export function amount(value: number, madeBy: Count): Count {
	return { value, hidden: madeBy.hidden === 'small' ? 'derivable' : null };
}

const hours = (minutes: number) => Math.round(minutes / 6) / 10;
const euros = (cents: number) => cents / 100;

/**
 * The volunteers part of the report: per month the hours helpers gave, how many gave them, the
 * expenses paid back and the gatherings held with their attendances; the period's totals (the
 * funder's "so many hours by so many volunteers"); and the gatherings per kind. No names.
 * Gatherings held are counted events, not people, so they are shown as they are.
 */
export function volunteerSection(
	db: DbOrTx,
	counts: Counts,
	neighbourhoodIds: number[],
	period: Period,
	now: number,
	locale: Locale
): PendingTable[] {
	const o = { locale };
	const months = period.months.map((mo) => mo.key);
	const hourRows = hoursPerMonth(db, neighbourhoodIds, period);
	const expenseRows = expensesPerMonth(db, neighbourhoodIds, period);
	const gatheringRows = gatheringsPerMonth(db, neighbourhoodIds, period, now);

	const perMonth = months.map((mo) => {
		const h = hourRows.find((r) => r.month === mo);
		const e = expenseRows.find((r) => r.month === mo);
		const g = gatheringRows.filter((r) => r.month === mo);
		const helpers = counts.count(h?.helpers ?? 0);
		return {
			mo,
			helpers,
			hours: amount(hours(h?.minutes ?? 0), helpers),
			euros: amount(euros(e?.cents ?? 0), counts.count(e?.helpers ?? 0)),
			held: g.reduce((s, r) => s + r.held, 0),
			attendees: counts.count(g.reduce((s, r) => s + r.attendees, 0))
		};
	});

	const inPeriod = hoursInPeriod(db, neighbourhoodIds, period);
	const givers = counts.count(inPeriod.helpers);
	const totalHours = amount(hours(inPeriod.minutes), givers);
	counts.sum(
		totalHours,
		perMonth.map((r) => r.hours)
	);
	const paid = expensesInPeriod(db, neighbourhoodIds, period);
	const totalEuros = amount(euros(paid.cents), counts.count(paid.helpers));
	counts.sum(
		totalEuros,
		perMonth.map((r) => r.euros)
	);
	const attendees = counts.count(gatheringRows.reduce((s, r) => s + r.attendees, 0));
	counts.sum(
		attendees,
		perMonth.map((r) => r.attendees)
	);
	const perKind = GATHERING_KINDS.map((kind) => {
		const rows = gatheringRows.filter((r) => r.kind === kind);
		return {
			kind,
			held: rows.reduce((s, r) => s + r.held, 0),
			attendees: counts.count(rows.reduce((s, r) => s + r.attendees, 0))
		};
	});
	counts.sum(
		attendees,
		perKind.map((k) => k.attendees)
	);
	// Volunteers now, by THE rule of who is one (volunteers/who.ts), whatever the period.
	const volunteers = counts.count(
		neighbourhoodIds.reduce((s, id) => s + volunteerIds(db, id).length, 0)
	);

	return [
		{
			key: 'volunteers',
			title: m.report_table_volunteers({}, o),
			note: m.report_volunteers_note({}, o),
			columns: [
				m.report_col_month({}, o),
				m.report_col_hours({}, o),
				m.report_col_helpers_with_hours({}, o),
				m.report_col_expenses({}, o),
				m.report_col_gatherings_held({}, o),
				m.report_col_attendees({}, o)
			],
			rows: perMonth.map((r): Pending[] => [
				monthText(r.mo, locale, { short: true }),
				r.hours,
				r.helpers,
				r.euros,
				r.held,
				r.attendees
			])
		},
		{
			key: 'volunteer-totals',
			title: m.report_table_volunteer_totals({}, o),
			columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
			rows: [
				[m.report_fig_hours({}, o), totalHours],
				[m.report_fig_helpers_with_hours({}, o), givers],
				[m.report_fig_volunteers_now({}, o), volunteers],
				[m.report_fig_expenses({}, o), totalEuros],
				[m.report_fig_gatherings_held({}, o), perKind.reduce((s, k) => s + k.held, 0)],
				[m.report_fig_attendees({}, o), attendees]
			]
		},
		{
			key: 'gatherings',
			title: m.report_table_gatherings({}, o),
			columns: [
				m.report_col_gathering_kind({}, o),
				m.report_col_gatherings_held({}, o),
				m.report_col_attendees({}, o)
			],
			rows: perKind
				.filter((k) => k.held > 0)
				.map((k): Pending[] => [KIND_LABEL[k.kind](o), k.held, k.attendees])
		}
	];
}
