import { monthText } from '$lib/dates';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { REQUEST_CHANNELS, type RequestChannel } from '$lib/backoffice/lists';
import type { DbOrTx } from '../db/client';
import type { Counts, Pending, PendingTable } from './cells';
import type { Period } from './period';
import { firstTimeAskersPerMonth, perStreet, requesters, requestsPerChannelMonth } from './reach';

type Label = (o: { locale: Locale }) => string;

const CHANNEL_LABEL: Record<RequestChannel, Label> = {
	online: (o) => m.reach_channel_online({}, o),
	carer: (o) => m.reach_channel_carer({}, o),
	phone: (o) => m.reach_channel_phone({}, o),
	partner: (o) => m.reach_channel_partner({}, o)
};

/**
 * The reach monitor's part of the report (seed 004 §1.4.2): requests per channel and first-time
 * askers per month, requests and helpers per street, and who asked (over 75, without e-mail).
 * Every count is registered in `counts`, so small ones and those that give them away are hidden
 * as everywhere else. The list of quiet streets is not here: it is for the broker's page only.
 */
export function reachSection(
	db: DbOrTx,
	counts: Counts,
	neighbourhoodIds: number[],
	period: Period,
	locale: Locale
): PendingTable[] {
	const o = { locale };
	const rows = requestsPerChannelMonth(db, neighbourhoodIds, period);
	const firsts = firstTimeAskersPerMonth(db, neighbourhoodIds, period);
	const perMonth = period.months.map((mo) => ({
		mo: mo.key,
		channels: REQUEST_CHANNELS.map((c) =>
			counts.count(rows.find((r) => r.month === mo.key && r.channel === c)?.count ?? 0)
		),
		firsts: counts.count(firsts.find((f) => f.month === mo.key)?.count ?? 0)
	}));
	const totals = REQUEST_CHANNELS.map((c, i) => {
		const total = counts.count(
			rows.filter((r) => r.channel === c).reduce((s, r) => s + r.count, 0)
		);
		counts.sum(
			total,
			perMonth.map((r) => r.channels[i]!)
		);
		return total;
	});
	const firstsTotal = counts.count(firsts.reduce((s, f) => s + f.count, 0));
	counts.sum(
		firstsTotal,
		perMonth.map((r) => r.firsts)
	);

	const streets = perStreet(db, neighbourhoodIds, period).map((s) => ({
		street: s.street,
		requests: counts.count(s.requests),
		helpers: counts.count(s.helpers)
	}));
	const who = requesters(db, neighbourhoodIds, period);
	const people = counts.count(who.people);
	const known = counts.count(who.birthKnown);
	const over75 = counts.count(who.over75);
	const noEmail = counts.count(who.noEmail);

	return [
		{
			key: 'reach-channels',
			title: m.reach_table_channels({}, o),
			note: m.reach_table_channels_note({}, o),
			columns: [
				m.report_col_month({}, o),
				...REQUEST_CHANNELS.map((c) => CHANNEL_LABEL[c](o)),
				m.reach_col_first_time({}, o)
			],
			rows: [
				...perMonth.map((r): Pending[] => [
					monthText(r.mo, locale, { short: true }),
					...r.channels,
					r.firsts
				]),
				[m.report_col_total({}, o), ...totals, firstsTotal]
			]
		},
		{
			key: 'reach-streets',
			title: m.reach_table_streets({}, o),
			columns: [
				m.reach_col_street({}, o),
				m.report_col_requests({}, o),
				m.reach_col_helpers({}, o)
			],
			rows: streets
				.filter((s) => s.requests.value > 0 || s.helpers.value > 0)
				.map((s): Pending[] => [s.street, s.requests, s.helpers])
		},
		{
			key: 'reach-requesters',
			title: m.reach_table_requesters({}, o),
			note: m.reach_table_requesters_note({}, o),
			columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
			rows: [
				[m.reach_fig_requesters({}, o), people],
				[m.reach_fig_birth_known({}, o), known],
				[m.reach_fig_over75({}, o), over75],
				[m.reach_fig_over75_share({}, o), { part: over75, whole: known }],
				[m.reach_fig_no_email({}, o), noEmail],
				[m.reach_fig_no_email_share({}, o), { part: noEmail, whole: people }]
			]
		}
	];
}
