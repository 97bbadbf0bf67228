import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../db/client';
import { figuresPerFund, figuresPerTool, type Figures } from '../lending/figures';
import { bar, countCell, shareCell, type Cell, type ReportTable } from './cells';
import type { Period } from './period';

export interface LendingReport {
	tables: ReportTable[];
	/** Loans per tool for the chart, already suppressed. */
	bars: { key: string; label: string; value: number; cell: Cell }[];
}

/**
 * The lending section: loans per tool and per funding source, days on loan, utilisation,
 * distinct borrowers, overdue share and repairs, from the lending module's own figures. Loan
 * dates are local dates, so the period's local dates are used as they are.
 */
export function lendingReport(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period,
	now: number,
	locale: Locale
): LendingReport {
	const o = { locale };
	const range = { from: period.from, to: period.to, timeZone: period.timeZone };
	const perTool = figuresPerTool(db, neighbourhoodIds, range, now);
	const perFund = figuresPerFund(db, neighbourhoodIds, range, now);
	const figures = (f: Figures): Cell[] => [
		countCell(f.loans),
		f.daysOnLoan,
		`${Math.round(f.utilisation * 100)}%`,
		countCell(f.borrowers),
		shareCell(f.overdue, f.loans),
		countCell(f.repairs)
	];
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
				rows: perTool.map((f) => [f.name, f.detail, ...figures(f)])
			},
			{
				key: 'lending-funds',
				title: m.report_table_lending_funds({}, o),
				columns: [m.report_col_fund({}, o), m.report_col_funder({}, o), ...columns],
				rows: perFund.map((f) => [
					f.name || m.report_no_fund({}, o),
					f.detail || '–',
					...figures(f)
				])
			}
		],
		bars: perTool
			.filter((f) => f.loans > 0)
			.map((f) => bar({ key: f.detail, label: f.name, value: f.loans }))
	};
}
