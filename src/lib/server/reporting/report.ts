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
import type { Period } from './period';
import { countReferrals } from '../broker/referrals';
import { countSignals } from '../broker/signals';
import { bar, countCell, shareCell, SMALL, SUPPRESSED, type Cell, type ReportTable } from './cells';
import { lendingReport, type LendingReport } from './lending';

export { SMALL, SUPPRESSED, countCell, shareCell } from './cells';
export type { Cell, ReportTable } from './cells';

export interface MonthBar {
	month: string;
	label: string;
	requests: number;
	offers: number;
}

export interface Report {
	tables: ReportTable[];
	/** Chart data, already suppressed: bars below 5 are drawn as 0 and labelled "< 5". */
	months: MonthBar[];
	funnel: { label: string; value: number; cell: Cell }[];
	/** Loans per tool, already suppressed like the funnel. */
	loansPerTool: LendingReport['bars'];
}

function monthLabel(key: string, locale: Locale): string {
	const [y, mo] = key.split('-').map(Number) as [number, number];
	return new Intl.DateTimeFormat(locale, {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(Date.UTC(y, mo - 1, 15));
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
	const months = period.months.map((mo) => mo.key);
	const perCategory = postsPerCategoryMonth(db, neighbourhoodIds, period);
	const cats = db.select().from(categories).orderBy(asc(categories.sortOrder)).all();
	const categoryRows: Cell[][] = [];
	for (const kind of ['request', 'offer'] as const) {
		for (const c of cats) {
			const counts = months.map(
				(mo) =>
					perCategory.find((r) => r.month === mo && r.categoryId === c.id && r.kind === kind)
						?.count ?? 0
			);
			const total = counts.reduce((s, n) => s + n, 0);
			if (total === 0) continue;
			categoryRows.push([
				categoryName(c.names, locale),
				kind === 'request' ? m.report_kind_request({}, o) : m.report_kind_offer({}, o),
				...counts.map(countCell),
				countCell(total)
			]);
		}
	}

	const residents = newResidentsPerMonth(db, neighbourhoodIds, period);
	const monthBars: MonthBar[] = months.map((mo) => {
		const of = (kind: 'request' | 'offer') =>
			perCategory.filter((r) => r.month === mo && r.kind === kind).reduce((s, r) => s + r.count, 0);
		return {
			month: mo,
			label: monthLabel(mo, locale),
			requests: of('request'),
			offers: of('offer')
		};
	});
	const activityRows: Cell[][] = monthBars.map((b) => [
		b.label,
		countCell(b.requests),
		countCell(b.offers),
		countCell(residents.find((r) => r.month === b.month)?.count ?? 0)
	]);

	const req = requestFigures(db, neighbourhoodIds, period);
	const mat = matchFigures(db, neighbourhoodIds, period);
	const hours = (h: number | null) => (h === null ? '–' : req.matched < SMALL ? SUPPRESSED : h);
	const matchingRows: Cell[][] = [
		[m.report_fig_requests({}, o), countCell(req.requests)],
		[m.report_fig_with_response({}, o), countCell(req.withResponse)],
		[m.report_fig_matched({}, o), countCell(req.matched)],
		[m.report_fig_within_7_days({}, o), shareCell(req.matchedWithin7Days, req.requests)],
		[m.report_fig_never_answered({}, o), shareCell(req.neverAnswered, req.requests)],
		[m.report_fig_median_hours({}, o), hours(req.medianHoursToMatch)],
		[m.report_fig_p90_hours({}, o), hours(req.p90HoursToMatch)],
		[m.report_fig_matches_made({}, o), countCell(mat.matchesMade)],
		[m.report_fig_made_by_residents({}, o), countCell(mat.madeByResidents)],
		[m.report_fig_made_by_brokers({}, o), countCell(mat.madeByBrokers)],
		[m.report_fig_active_helpers({}, o), countCell(mat.activeHelpers)]
	];

	// Signals: counts by kind only, never their content.
	const signals = countSignals(db, neighbourhoodIds, period.start, period.end);
	const signalNames: Record<string, string> = {
		client: m.report_signal_client({}, o),
		service: m.report_signal_service({}, o),
		policy: m.report_signal_policy({}, o)
	};
	const signalRows: Cell[][] = Object.entries(signals).map(([kind, c]) => [
		signalNames[kind] ?? kind,
		countCell(c.filed),
		countCell(c.closed)
	]);
	const referrals = countReferrals(db, neighbourhoodIds, period.start, period.end);
	const referred = Object.values(referrals).reduce((sum, n) => sum + n, 0);
	matchingRows.push([m.report_fig_referred({}, o), shareCell(referred, req.requests)]);
	const referralRows: Cell[][] = Object.entries(referrals).map(([kind, n]) => [
		kind,
		countCell(n),
		shareCell(n, req.requests)
	]);
	const lending = lendingReport(db, neighbourhoodIds, period, now, locale);

	const fu = followUpFigures(db, neighbourhoodIds, period);
	const followUpRows: Cell[][] = [
		[m.report_fu_asked({}, o), countCell(fu.asked)],
		[m.report_fu_answered({}, o), countCell(fu.answered)],
		[m.report_fu_answer_rate({}, o), shareCell(fu.answered, fu.asked)],
		[m.report_fu_went_well({}, o), countCell(fu.outcomes.went_well)],
		[m.report_fu_partly({}, o), countCell(fu.outcomes.partly)],
		[m.report_fu_did_not_happen({}, o), countCell(fu.outcomes.did_not_happen)],
		[m.report_fu_call_me({}, o), countCell(fu.outcomes.call_me)]
	];

	const funnelSteps = [
		{ label: m.report_funnel_requests({}, o), value: req.requests },
		{ label: m.report_funnel_response({}, o), value: req.withResponse },
		{ label: m.report_funnel_match({}, o), value: req.matched },
		{ label: m.report_funnel_went_well({}, o), value: fu.requestsWentWell }
	];

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
				rows: activityRows
			},
			{
				key: 'categories',
				title: m.report_table_categories({}, o),
				columns: [
					m.report_col_category({}, o),
					m.report_col_kind({}, o),
					...monthBars.map((b) => b.label),
					m.report_col_total({}, o)
				],
				rows: categoryRows
			},
			{
				key: 'matching',
				title: m.report_table_matching({}, o),
				columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
				rows: matchingRows
			},
			{
				key: 'follow-ups',
				title: m.report_table_follow_ups({}, o),
				columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
				rows: followUpRows
			},
			{
				key: 'referrals',
				title: m.report_table_referrals({}, o),
				columns: [
					m.report_col_service_kind({}, o),
					m.report_col_referred_requests({}, o),
					m.report_col_share_of_requests({}, o)
				],
				rows: referralRows
			},
			{
				key: 'signals',
				title: m.report_table_signals({}, o),
				columns: [
					m.report_col_signal_kind({}, o),
					m.report_col_filed({}, o),
					m.report_col_closed({}, o)
				],
				rows: signalRows
			},
			...lending.tables
		],
		months: monthBars.map((b) => ({
			...b,
			requests: b.requests < SMALL ? 0 : b.requests,
			offers: b.offers < SMALL ? 0 : b.offers
		})),
		funnel: funnelSteps.map(bar),
		loansPerTool: lending.bars
	};
}

/** Only neighbourhoods the person may report on; `wanted` null means all of them. */
export function scopeIds(allowed: number[], wanted: number | null): number[] | null {
	if (wanted === null) return allowed;
	return allowed.includes(wanted) ? [wanted] : null;
}
