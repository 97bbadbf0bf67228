/**
 * How figures become table cells. Counts are suppressed here, once, so no view (page, chart,
 * CSV, print) can leak them.
 *
 * Hiding a count of 1 to 4 is not enough when the report also shows a sum it is part of: a
 * month's requests minus the other categories' requests would give it away. So the report
 * registers its counts and the sums between them in one `Counts`, which hides small counts and
 * then, wherever a sum has exactly one hidden member, also its smallest other member (the
 * usual "secondary suppression" of statistics offices), until no hidden count can be worked out.
 */

/** Counts from 1 to 4 could point at a person in a small neighbourhood: they show as "< 5". */
export const SMALL = 5;
export const SUPPRESSED = '< 5';
/** A count of 5 or more hidden because a small one could be worked out from it. */
export const HIDDEN = '×';

export type Cell = string | number;

export interface ReportTable {
	key: string;
	title: string;
	/** What the reader needs to read the table right (e.g. why a sum is hidden). */
	note?: string;
	columns: string[];
	rows: Cell[][];
}

/** A table whose counts and shares are decided once the whole report is settled. */
export interface PendingTable {
	key: string;
	title: string;
	note?: string;
	columns: string[];
	rows: Pending[][];
}

/** One count of the report; `hidden` says whether (and why) it is not shown. */
export interface Count {
	readonly value: number;
	hidden: 'small' | 'derivable' | null;
}

/** A share of one count in another, shown as a percentage when neither gives anything away. */
export interface Share {
	readonly part: Count;
	readonly whole: Count;
}

/** A cell still to be decided: a count or a share, shown only after `settle()`. */
export type Pending = Cell | Count | Share;

const isShare = (p: Pending): p is Share => typeof p === 'object' && 'part' in p;

export class Counts {
	#sums: Count[][] = [];

	count(value: number): Count {
		return { value, hidden: value > 0 && value < SMALL ? 'small' : null };
	}

	/** Tells that `total` is exactly the sum of `parts`, as a reader could add them up. */
	sum(total: Count, parts: Count[]): void {
		this.#sums.push([total, ...parts]);
	}

	/** Hides, sum by sum, until none has exactly one hidden member. */
	settle(): void {
		let changed = true;
		while (changed) {
			changed = false;
			for (const members of this.#sums) {
				// The same count may stand in a sum twice (a part that is also the total).
				const unique = [...new Set(members)];
				if (unique.filter((c) => c.hidden).length !== 1) continue;
				const shown = unique.filter((c) => !c.hidden && c.value > 0);
				if (shown.length === 0) continue;
				const smallest = shown.reduce((a, b) => (b.value < a.value ? b : a));
				smallest.hidden = 'derivable';
				changed = true;
			}
		}
	}
}

function markOf(c: Count): Cell {
	return c.hidden === 'small' ? SUPPRESSED : HIDDEN;
}

/** The cell of a settled count. */
export function countCell(c: Count): Cell {
	return c.hidden ? markOf(c) : c.value;
}

/** A share in percent, only when its base is large enough not to reveal small counts. */
export function shareCell({ part, whole }: Share): Cell {
	if (whole.value === 0) return '–';
	if (whole.value < SMALL) return SUPPRESSED;
	if (part.hidden) return markOf(part);
	if (whole.hidden) return markOf(whole);
	return `${Math.round((part.value / whole.value) * 100)}%`;
}

/** The cells of settled rows. */
export function cells(rows: Pending[][]): Cell[][] {
	return rows.map((row) =>
		row.map((p) => (typeof p !== 'object' ? p : isShare(p) ? shareCell(p) : countCell(p)))
	);
}

/** A bar of a chart from a settled count: hidden ones are drawn as nothing and labelled. */
export function bar<T extends object>(step: T, c: Count): T & { value: number; cell: Cell } {
	return { ...step, value: c.hidden ? 0 : c.value, cell: countCell(c) };
}
