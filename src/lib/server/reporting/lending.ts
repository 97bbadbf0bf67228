import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../db/client';
import { figuresPerFund, figuresPerTool, type Figures } from '../lending/figures';
import type { Count, Counts, Pending, PendingTable } from './cells';
import type { Period } from './period';

export interface LendingSection {
	tables: PendingTable[];
	/** Loans per tool for the chart, counts decided with the tables'. */
	bars: { key: string; label: string; count: Count }[];
}

/**
 * The lending section: loans per tool and per funding source, days on loan, utilisation,
 * distinct borrowers, overdue share and repairs, from the lending module's own figures. Loan
 * dates are local dates, so the period's local dates are used as they are. A funding source's
 * loans and repairs are the sums of its tools', and are registered as such in `counts`.
 */
export function lendingSection(
	db: DbOrTx,
	counts: Counts,
	neighbourhoodIds: number[],
	period: Period,
	now: number,
	locale: Locale
): LendingSection {
	const o = { locale };
	const range = { from: period.from, to: period.to };
	const perTool = figuresPerTool(db, neighbourhoodIds, range, now);
	const perFund = figuresPerFund(db, neighbourhoodIds, range, now);
	const figures = (f: Figures) => {
		const loans = counts.count(f.loans);
		const repairs = counts.count(f.repairs);
		const row: Pending[] = [
			loans,
			f.daysOnLoan,
			`${Math.round(f.utilisation * 100)}%`,
			counts.count(f.borrowers),
			{ part: counts.count(f.overdue), whole: loans },
			repairs
		];
		return { f, loans, repairs, row };
	};
	const tools = perTool.map(figures);
	const funds = perFund.map(figures);
	for (const fund of funds) {
		const own = tools.filter((t) => t.f.fundId === fund.f.fundId);
		counts.sum(
			fund.loans,
			own.map((t) => t.loans)
		);
		counts.sum(
			fund.repairs,
			own.map((t) => t.repairs)
		);
	}
	const columns = [
		m.report_col_loans({}, o),
		m.report_col_days({}, o),
		m.report_col_utilisation({}, o),
		m.report_col_borrowers({}, o),
		m.report_col_overdue({}, o),
		m.report_col_repairs({}, o)
	];
	return {
		tables: [
			{
				key: 'lending-tools',
				title: m.report_table_lending_tools({}, o),
				columns: [m.report_col_tool({}, o), m.report_col_asset_tag({}, o), ...columns],
				rows: tools.map(({ f, row }) => [f.name, f.detail, ...row])
			},
			{
				key: 'lending-funds',
				title: m.report_table_lending_funds({}, o),
				columns: [m.report_col_fund({}, o), m.report_col_funder({}, o), ...columns],
				rows: funds.map(({ f, row }) => [
					f.name || m.report_no_fund({}, o),
					f.detail || '–',
					...row
				])
			}
		],
		bars: tools
			.filter(({ f }) => f.loans > 0)
			.map(({ f, loans }) => ({ key: f.detail, label: f.name, count: loans }))
	};
}
