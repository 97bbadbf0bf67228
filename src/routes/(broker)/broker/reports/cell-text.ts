import { numberText } from '$lib/intl';

/**
 * A report cell as the page shows it: counts and shares written the way the broker's language
 * writes numbers ("1.234" nl, "٪42" where the language puts it so). The CSV keeps the plain cell.
 * Marks ("< 5", "×", "–") and words pass unchanged.
 */
export function cellText(cell: string | number, locale: string): string {
	if (typeof cell === 'number') return numberText(cell, locale);
	const share = /^(\d+)%$/.exec(cell);
	return share ? numberText(Number(share[1]) / 100, locale, { style: 'percent' }) : cell;
}
