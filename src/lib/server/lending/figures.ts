import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

export interface Figures {
	key: number | null;
	name: string;
	loans: number;
	daysOnLoan: number;
	/** Days on loan divided by days available (tools × days in the period), 0..1. */
	utilisation: number;
	borrowers: number;
}

function periodDays(from: string, to: string): number {
	return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
}

/**
 * Loans that were collected (on loan or returned) and overlap [from, to) in local dates; days on
 * loan count the days of each loan inside the period (both loan days included).
 */
function query(d: DbOrTx, neighbourhoodId: number, from: string, to: string, by: 'tool' | 'fund') {
	const key = by === 'tool' ? sql`t.id` : sql`t.funding_source_id`;
	const name = by === 'tool' ? sql`t.name` : sql`coalesce(f.name, '')`;
	return d.all<{
		key: number | null;
		name: string;
		tools: number;
		loans: number;
		days: number;
		borrowers: number;
	}>(sql`
		select ${key} as key, ${name} as name,
			count(distinct t.id) as tools,
			count(l.id) as loans,
			coalesce(sum(max(0, julianday(min(l.end_date, date(${to}, '-1 day'))) - julianday(max(l.start_date, ${from})) + 1)), 0) as days,
			count(distinct l.borrower_id) as borrowers
		from tools t
		left join funding_sources f on f.id = t.funding_source_id
		left join loans l on l.tool_id = t.id
			and l.status in ('on_loan', 'returned')
			and l.start_date < ${to} and l.end_date >= ${from}
		where t.neighbourhood_id = ${neighbourhoodId} and t.status != 'retired'
		group by ${key}
		order by ${name}`);
}

function shape(rows: ReturnType<typeof query>, days: number): Figures[] {
	return rows.map((r) => ({
		key: r.key,
		name: r.name,
		loans: r.loans,
		daysOnLoan: Math.round(r.days),
		utilisation: days > 0 && r.tools > 0 ? Math.round(r.days) / (r.tools * days) : 0,
		borrowers: r.borrowers
	}));
}

/** Figures per tool for the period [from, to) ("YYYY-MM-DD" local dates). */
export function figuresPerTool(d: DbOrTx, neighbourhoodId: number, from: string, to: string) {
	const days = periodDays(from, to);
	return shape(query(d, neighbourhoodId, from, to, 'tool'), days);
}

/** Figures per funding source for the period [from, to). */
export function figuresPerFund(d: DbOrTx, neighbourhoodId: number, from: string, to: string) {
	const days = periodDays(from, to);
	return shape(query(d, neighbourhoodId, from, to, 'fund'), days);
}
