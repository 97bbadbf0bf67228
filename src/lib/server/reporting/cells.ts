/**
 * How figures become table cells. Counts are suppressed here, once, so no view (page, chart,
 * CSV, print) can leak them.
 */

/** Counts from 1 to 4 could point at a person in a small neighbourhood: they show as "< 5". */
export const SMALL = 5;
export const SUPPRESSED = '< 5';

export type Cell = string | number;

export interface ReportTable {
	key: string;
	title: string;
	columns: string[];
	rows: Cell[][];
}

/** A count, or "< 5" when it is from 1 to 4. */
export function countCell(n: number): Cell {
	return n > 0 && n < SMALL ? SUPPRESSED : n;
}

/** A share in percent, only when its base is large enough not to reveal small counts. */
export function shareCell(part: number, whole: number): Cell {
	if (whole === 0) return '–';
	if (whole < SMALL || (part > 0 && part < SMALL)) return SUPPRESSED;
	return `${Math.round((part / whole) * 100)}%`;
}

/** A bar of a chart: small values are drawn as nothing and labelled "< 5". */
export function bar<T extends { value: number }>(step: T): T & { cell: Cell } {
	return { ...step, value: step.value < SMALL ? 0 : step.value, cell: countCell(step.value) };
}
