import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvResponse, toCsv } from './csv';

/** The cells as a spreadsheet program reads them back. */
const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, '')).data;

describe('the CSV writer', () => {
	it('writes cells that start a formula as text, with a leading quote (OWASP)', () => {
		const cells = ['=1+1', '+32 470', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")\nok'];
		expect(read(toCsv([cells]))[0]).toEqual(cells.map((c) => `'${c}`));
	});

	it('leaves ordinary text and numbers alone, negative numbers included', () => {
		expect(read(toCsv([['Rosa', 'a=b', '< 5', 12, -3, null]]))[0]).toEqual([
			'Rosa',
			'a=b',
			'< 5',
			'12',
			'-3',
			''
		]);
	});

	it('quotes commas, quotes and line breaks, and starts with a byte-order mark', () => {
		const csv = toCsv([['Kazernestraat, 41', 'zei "ja"', 'twee\nregels']]);
		expect(csv.startsWith('\ufeff"Kazernestraat, 41","zei ""ja""","twee\nregels"')).toBe(true);
	});

	it('answers a download with a safe file name', async () => {
		const res = csvResponse('naburig-x"y.csv', [['a'], ['=b']]);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="naburig-x_y.csv"');
		expect(read(await res.text())).toEqual([['a'], ["'=b"]]);
	});
});
