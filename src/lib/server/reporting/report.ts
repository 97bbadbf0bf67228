import { monthText } from '$lib/dates';
import { asc } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { categoryName } from '../categories/pilot';
import type { DbOrTx } from '../db/client';
import { categories } from '../db/schema';
import {
	followUpFigures,
	matchFigures,
	newResidentsPerMonth,
	postsPerCategoryMonth,
	requestFigures
} from './figures';
import { boundsPer, type Bounds, type Period } from './period';
import { timeZonesOf } from '../neighbourhoods/public';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '$lib/followup';
import type { SignalKind } from '$lib/signals/kinds';
import { POST_KINDS, type PostKind } from '$lib/posts/choices';
import { countReferrals } from '../broker/referrals';
import { countSignals } from '../broker/signals';
import {
	bar,
	cells,
	Counts,
	SMALL,
	SUPPRESSED,
	type Cell,
	type Count,
	type Pending,
	type PendingTable,
	type ReportTable
} from './cells';
import { lendingSection } from './lending';
import { channelSection } from './channels';
import { reachSection } from './reach-section';
import { referralCheckSection } from './referral-check-section';
import { checkInSection } from './check-in-section';
import { volunteerSection } from './volunteer-section';

export { HIDDEN, SMALL, SUPPRESSED } from './cells';
export type { Cell, ReportTable } from './cells';

export interface MonthBar {
	month: string;
	label: string;
	requests: number;
	offers: number;
}

export interface Report {
	tables: ReportTable[];
	/** Chart data, suppressed like the tables: hidden bars are drawn as 0. */
	months: MonthBar[];
	funnel: { label: string; value: number; cell: Cell }[];
	/** Loans per tool, suppressed like the funnel. */
	loansPerTool: { key: string; label: string; value: number; cell: Cell }[];
}

const KIND_LABEL: Record<PostKind, (o: { locale: Locale }) => string> = {
	request: (o) => m.report_kind_request({}, o),
	offer: (o) => m.report_kind_offer({}, o)
};

const OUTCOME_LABEL: Record<FollowUpOutcome, (o: { locale: Locale }) => string> = {
	went_well: (o) => m.report_fu_went_well({}, o),
	partly: (o) => m.report_fu_partly({}, o),
	did_not_happen: (o) => m.report_fu_did_not_happen({}, o),
	call_me: (o) => m.report_fu_call_me({}, o)
};

/**
 * Asks for counts once per time zone in scope, each with the period's instants in that zone:
 * neighbourhoods in one zone share their bounds.
 */
function perZone<T>(bounds: Bounds[], ask: (ids: number[], start: number, end: number) => T): T[] {
	const groups = new Map<string, Bounds[]>();
	for (const b of bounds) {
		const key = `${b.start}:${b.end}`;
		groups.set(key, [...(groups.get(key) ?? []), b]);
	}
	return [...groups.values()].map((g) =>
		ask(
			g.map((b) => b.id),
			g[0]!.start,
			g[0]!.end
		)
	);
}

/** Adds counts per kind (numbers, or objects of numbers such as filed and closed). */
function sumPerKind<T extends number | Record<string, number>>(
	parts: Record<string, T>[]
): Record<string, T> {
	const total: Record<string, T> = {};
	for (const part of parts)
		for (const [kind, value] of Object.entries(part)) {
			const before = total[kind];
			if (before === undefined) total[kind] = value;
			else if (typeof value === 'number') total[kind] = ((before as number) + value) as T;
			else
				total[kind] = Object.fromEntries(
					Object.entries(value).map(([k, n]) => [k, (before as Record<string, number>)[k]! + n])
				) as T;
		}
	return total;
}

function monthLabel(key: string, locale: Locale): string {
	return monthText(key, locale, { short: true });
}

/**
 * The whole report for some neighbourhoods and a period: every table the page, the CSV export
 * and the print view show. Counts are suppressed here, once, so no view can leak them.
 */
export function buildReport(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period,
	now: number,
	locale: Locale
): Report {
	const o = { locale };
	const counts = new Counts();
	const months = period.months.map((mo) => mo.key);
	const perCategory = postsPerCategoryMonth(db, neighbourhoodIds, period);
	const cats = db.select().from(categories).orderBy(asc(categories.sortOrder)).all();
	const countOf = (mo: string, kind: PostKind, categoryId?: number) =>
		perCategory
			.filter(
				(r) =>
					r.month === mo &&
					r.kind === kind &&
					(categoryId === undefined || r.categoryId === categoryId)
			)
			.reduce((s, r) => s + r.count, 0);

	// A month's requests (offers) are the sum of its categories' cells, and each category's
	// total the sum of its months: the category table and the activity table tell both.
	const perMonth = {
		request: months.map((mo) => counts.count(countOf(mo, 'request'))),
		offer: months.map((mo) => counts.count(countOf(mo, 'offer')))
	};
	const inMonth: Record<PostKind, Count[][]> = {
		request: months.map(() => []),
		offer: months.map(() => [])
	};
	const categoryRows: Pending[][] = [];
	const requestTotals: Count[] = [];
	for (const kind of POST_KINDS) {
		for (const c of cats) {
			const values = months.map((mo) => countOf(mo, kind, c.id));
			if (values.every((n) => n === 0)) continue;
			const cellsOfRow = values.map((n) => counts.count(n));
			const total = counts.count(values.reduce((s, n) => s + n, 0));
			counts.sum(total, cellsOfRow);
			if (kind === 'request') requestTotals.push(total);
			cellsOfRow.forEach((cell, i) => inMonth[kind][i]!.push(cell));
			categoryRows.push([categoryName(c.names, locale), KIND_LABEL[kind](o), ...cellsOfRow, total]);
		}
	}
	for (const kind of POST_KINDS)
		perMonth[kind].forEach((total, i) => counts.sum(total, inMonth[kind][i]!));

	const residents = newResidentsPerMonth(db, neighbourhoodIds, period);
	const activityRows: Pending[][] = months.map((mo, i) => [
		monthLabel(mo, locale),
		perMonth.request[i]!,
		perMonth.offer[i]!,
		counts.count(residents.find((r) => r.month === mo)?.count ?? 0)
	]);

	const req = requestFigures(db, neighbourhoodIds, period);
	const mat = matchFigures(db, neighbourhoodIds, period);
	const requests = counts.count(req.requests);
	// The period's requests are its months' requests, its categories' requests, and either
	// answered or never answered.
	counts.sum(requests, perMonth.request);
	counts.sum(requests, requestTotals);
	const withResponse = counts.count(req.withResponse);
	const neverAnswered = counts.count(req.neverAnswered);
	counts.sum(requests, [withResponse, neverAnswered]);
	const matched = counts.count(req.matched);
	const made = counts.count(mat.matchesMade);
	const byResidents = counts.count(mat.madeByResidents);
	const byBrokers = counts.count(mat.madeByBrokers);
	counts.sum(made, [byResidents, byBrokers]);
	const hours = (h: number | null) => (h === null ? '–' : req.matched < SMALL ? SUPPRESSED : h);
	const matchingRows: Pending[][] = [
		[m.report_fig_requests({}, o), requests],
		[m.report_fig_with_response({}, o), withResponse],
		[m.report_fig_matched({}, o), matched],
		[
			m.report_fig_within_7_days({}, o),
			{ part: counts.count(req.matchedWithin7Days), whole: requests }
		],
		[m.report_fig_never_answered({}, o), { part: neverAnswered, whole: requests }],
		[m.report_fig_median_hours({}, o), hours(req.medianHoursToMatch)],
		[m.report_fig_p90_hours({}, o), hours(req.p90HoursToMatch)],
		[m.report_fig_matches_made({}, o), made],
		[m.report_fig_made_by_residents({}, o), byResidents],
		[m.report_fig_made_by_brokers({}, o), byBrokers],
		[m.report_fig_active_helpers({}, o), counts.count(mat.activeHelpers)]
	];

	// Signals: counts by kind only, never their content.
	const bounds = boundsPer(period, timeZonesOf(db, neighbourhoodIds));
	const signals = sumPerKind(
		perZone(bounds, (ids, start, end) => countSignals(db, ids, start, end))
	);
	const signalNames: Record<SignalKind, string> = {
		client: m.report_signal_client({}, o),
		service: m.report_signal_service({}, o),
		policy: m.report_signal_policy({}, o)
	};
	const signalRows: Pending[][] = Object.entries(signals).map(([kind, c]) => [
		signalNames[kind as SignalKind],
		counts.count(c.filed),
		counts.count(c.closed)
	]);
	const referrals = Object.entries(
		sumPerKind(perZone(bounds, (ids, start, end) => countReferrals(db, ids, start, end)))
	).sort(([a], [b]) => a.localeCompare(b));
	const perService = referrals.map(([kind, n]) => ({ kind, count: counts.count(n) }));
	const referred = counts.count(referrals.reduce((sum, [, n]) => sum + n, 0));
	counts.sum(
		referred,
		perService.map((r) => r.count)
	);
	matchingRows.push([m.report_fig_referred({}, o), { part: referred, whole: requests }]);
	const referralRows: Pending[][] = perService.map((r) => [
		r.kind,
		r.count,
		{ part: r.count, whole: requests }
	]);
	const lending = lendingSection(db, counts, neighbourhoodIds, period, now, locale);

	const fu = followUpFigures(db, neighbourhoodIds, period);
	const answered = counts.count(fu.answered);
	const outcomes = FOLLOW_UP_OUTCOMES.map((k) => counts.count(fu.outcomes[k]));
	counts.sum(answered, outcomes);
	const asked = counts.count(fu.asked);
	const followUpRows: Pending[][] = [
		[m.report_fu_asked({}, o), asked],
		[m.report_fu_answered({}, o), answered],
		[m.report_fu_answer_rate({}, o), { part: answered, whole: asked }],
		...FOLLOW_UP_OUTCOMES.map((k, i): Pending[] => [OUTCOME_LABEL[k](o), outcomes[i]!])
	];
	const wentWell = counts.count(fu.requestsWentWell);
	const channels = channelSection(db, counts, neighbourhoodIds, period, locale);
	const volunteers = volunteerSection(db, counts, neighbourhoodIds, period, now, locale);
	const reach = reachSection(db, counts, neighbourhoodIds, period, locale);
	const checks = referralCheckSection(db, counts, neighbourhoodIds, period, locale);
	const checkIns = checkInSection(db, counts, neighbourhoodIds, period, locale);

	counts.settle();

	const table = (t: PendingTable): ReportTable => ({ ...t, rows: cells(t.rows) });
	return {
		tables: [
			{
				key: 'activity',
				title: m.report_table_activity({}, o),
				columns: [
					m.report_col_month({}, o),
					m.report_col_requests({}, o),
					m.report_col_offers({}, o),
					m.report_col_new_residents({}, o)
				],
				rows: cells(activityRows)
			},
			{
				key: 'categories',
				title: m.report_table_categories({}, o),
				columns: [
					m.report_col_category({}, o),
					m.report_col_kind({}, o),
					...months.map((mo) => monthLabel(mo, locale)),
					m.report_col_total({}, o)
				],
				rows: cells(categoryRows)
			},
			{
				key: 'matching',
				title: m.report_table_matching({}, o),
				columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
				rows: cells(matchingRows)
			},
			{
				key: 'follow-ups',
				title: m.report_table_follow_ups({}, o),
				columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
				rows: cells(followUpRows)
			},
			{
				key: 'referrals',
				title: m.report_table_referrals({}, o),
				columns: [
					m.report_col_service_kind({}, o),
					m.report_col_referred_requests({}, o),
					m.report_col_share_of_requests({}, o)
				],
				rows: cells(referralRows)
			},
			{
				key: 'signals',
				title: m.report_table_signals({}, o),
				columns: [
					m.report_col_signal_kind({}, o),
					m.report_col_filed({}, o),
					m.report_col_closed({}, o)
				],
				rows: cells(signalRows)
			},
			...lending.tables.map(table),
			table(channels),
			...volunteers.map(table),
			table(checks),
			table(checkIns),
			...reach.map(table)
		],
		months: months.map((mo, i) => {
			const requestBar = bar({}, perMonth.request[i]!);
			const offerBar = bar({}, perMonth.offer[i]!);
			return {
				month: mo,
				label: monthLabel(mo, locale),
				requests: requestBar.value,
				offers: offerBar.value
			};
		}),
		funnel: [
			bar({ label: m.report_funnel_requests({}, o) }, requests),
			bar({ label: m.report_funnel_response({}, o) }, withResponse),
			bar({ label: m.report_funnel_match({}, o) }, matched),
			bar({ label: m.report_funnel_went_well({}, o) }, wentWell)
		],
		loansPerTool: lending.bars.map(({ count, ...b }) => bar(b, count))
	};
}

/** Only neighbourhoods the person may report on; `wanted` null means all of them. */
export function scopeIds(allowed: number[], wanted: number | null): number[] | null {
	if (wanted === null) return allowed;
	return allowed.includes(wanted) ? [wanted] : null;
}
