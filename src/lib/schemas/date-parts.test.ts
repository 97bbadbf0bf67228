import { describe, expect, it } from 'vitest';
import { calendarDate, joinDateParts, splitDate } from './fields';

const posted = (day: string, month: string, year: string) => {
	const f = new FormData();
	f.set('when-day', day);
	f.set('when-month', month);
	f.set('when-year', year);
	return joinDateParts(f, 'when').get('when') as string;
};

describe('a date typed as day, month and year', () => {
	it('becomes the date calendarDate() checks, in the order people write it', () => {
		expect(posted('7', '3', '2027')).toBe('2027-03-07');
		expect(posted(' 17 ', '12', '2027')).toBe('2027-12-17');
		expect(calendarDate({ message: 'x' }).safeParse(posted('7', '3', '2027')).success).toBe(true);
	});

	it('keeps what was typed when it is no date, so the form comes back as typed', () => {
		const typed = posted('31', '2', '2027');
		expect(calendarDate({ message: 'x' }).safeParse(typed).error?.issues[0]?.message).toBe(
			'err_date_not_real'
		);
		expect(splitDate(typed)).toEqual({ day: '31', month: '2', year: '2027' });
		expect(splitDate(posted('', 'mei', '27'))).toEqual({ day: '', month: 'mei', year: '27' });
	});

	it('is empty when no box was filled in, and leaves a form without boxes alone', () => {
		expect(posted('', '', '')).toBe('');
		const f = new FormData();
		f.set('when', '2027-03-07');
		expect(joinDateParts(f, 'when').get('when')).toBe('2027-03-07');
	});
});
