import Papa from 'papaparse';

/**
 * A cell that a spreadsheet program would read as a formula (OWASP "CSV injection"): it starts
 * with =, +, -, @, a tab or a carriage return. Tested on the whole text, line breaks included
 * (papaparse's own pattern misses "=…" followed by a new line).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet will show it: text that looks like a formula gets a leading quote. */
function safeCell(cell: unknown): unknown {
	return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Every CSV file the site makes goes through here: cells quoted where needed (RFC 4180), text
 * that would start a formula written as text, and a byte-order mark so spreadsheet programs
 * read accents right. Numbers stay numbers, negative ones included.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
	return '\ufeff' + Papa.unparse(rows.map((row) => row.map(safeCell)) as unknown[][]);
}

/** A CSV download: the rows as `toCsv` writes them, under the given file name. */
export function csvResponse(fileName: string, rows: readonly (readonly unknown[])[]): Response {
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`
		}
	});
}
