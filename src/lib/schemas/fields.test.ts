import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { superValidate } from 'sveltekit-superforms/server';
import { zod4 } from 'sveltekit-superforms/adapters';
import { calendarDate, emailField, isCalendarDate, textField, wholeNumber } from './fields';

/** The message key of the first problem, or the value when it passes. */
function check(schema: z.ZodType, input: unknown) {
	const r = schema.safeParse(input);
	return r.success ? { value: r.data } : { error: r.error.issues[0]?.message };
}

const title = textField({ max: 80, required: 'err_required' });
const note = textField({ max: 200 });
const body = textField({ max: 2000, required: 'err_required', multiline: true });

describe('text fields', () => {
	it('trims and keeps ordinary text, joiners inside it included', () => {
		expect(check(title, '  Lamp vervangen ')).toEqual({ value: 'Lamp vervangen' });
		expect(check(title, 'Hulp 👩‍👧 bij ’t lezen')).toEqual({ value: 'Hulp 👩‍👧 bij ’t lezen' });
	});

	it('refuses a title made only of zero-width or other invisible characters', () => {
		expect(check(title, '\u200b\u200c\u200d\u2060\ufeff')).toEqual({ error: 'err_required' });
		expect(check(title, ' \u00a0\u3164\u2800 ')).toEqual({ error: 'err_required' });
		expect(check(note, '\u200b\u200b')).toEqual({ error: 'err_invisible_only' });
		expect(check(note, '')).toEqual({ value: '' });
	});

	it('refuses a NUL byte, and a line break in a one-line field', () => {
		expect(check(title, 'Lamp\u0000')).toEqual({ error: 'err_control_character' });
		expect(check(title, 'Lamp\r\nvervangen')).toEqual({ error: 'err_control_character' });
		expect(check(title, 'Lamp\nvervangen')).toEqual({ error: 'err_control_character' });
		expect(check(title, 'Lamp\u2028vervangen')).toEqual({ error: 'err_control_character' });
		expect(check(emailField, 'an@example.org\u0000')).toEqual({ error: 'err_control_character' });
	});

	it('keeps line breaks in a text area, as "\\n", but refuses other control characters', () => {
		expect(check(body, 'Eerste regel\r\nTweede regel')).toEqual({
			value: 'Eerste regel\nTweede regel'
		});
		expect(check(body, 'Tekst\u0000')).toEqual({ error: 'err_control_character_multiline' });
		expect(check(body, 'Tekst\u001b[31m')).toEqual({ error: 'err_control_character_multiline' });
		expect(check(body, '\u200b\n\u200b')).toEqual({ error: 'err_required' });
	});

	it('refuses text that is too long, and too short where a minimum is set', () => {
		expect(check(title, 'x'.repeat(81))).toEqual({ error: 'err_too_long' });
		const reason = textField({ max: 100, required: 'err_required', min: [3, 'reason_short'] });
		expect(check(reason, 'ok')).toEqual({ error: 'reason_short' });
	});
});

describe('whole numbers', () => {
	const helpers = wholeNumber({ min: 1, max: 5, message: 'post_err_helpers' });

	it('takes digits, as text or as a number', () => {
		expect(check(helpers, '3')).toEqual({ value: 3 });
		expect(check(helpers, ' 2 ')).toEqual({ value: 2 });
		expect(check(helpers, 4)).toEqual({ value: 4 });
	});

	it('refuses 1.5 and 1,5 as not whole, rather than storing 1', () => {
		expect(check(helpers, '1.5')).toEqual({ error: 'err_whole_number' });
		expect(check(helpers, '1,5')).toEqual({ error: 'err_whole_number' });
		expect(check(helpers, 1.5)).toEqual({ error: 'err_whole_number' });
	});

	it('refuses what is not written as digits, and numbers out of range', () => {
		for (const bad of ['1e1', '0x2', '2 helpers', 'twee', '6', '0'])
			expect(check(helpers, bad)).toEqual({ error: 'post_err_helpers' });
	});

	it('refuses 1.5 when it comes from a posted form through superforms, and keeps what was typed', async () => {
		const schema = z.object({ helpers: wholeNumber({ min: 1, max: 5, message: 'h' }).default(1) });
		const data = new FormData();
		data.set('helpers', '1.5');
		const form = await superValidate(data, zod4(schema));
		expect(form.valid).toBe(false);
		expect(form.errors.helpers).toEqual(['err_whole_number']);
		expect(form.data.helpers).toBe(1.5);
		data.set('helpers', '4');
		expect((await superValidate(data, zod4(schema))).data.helpers).toBe(4);
	});
});

describe('calendar dates', () => {
	const day = calendarDate({ message: 'lending_err_date' });
	const maybeDay = calendarDate({ message: 'lending_err_date', optional: true });

	it('takes a day that exists, leap days included', () => {
		expect(check(day, '2027-02-28')).toEqual({ value: '2027-02-28' });
		expect(check(day, '2028-02-29')).toEqual({ value: '2028-02-29' });
		expect(check(maybeDay, '')).toEqual({ value: '' });
	});

	it('refuses 2027-02-30 instead of reading it as 2 March', () => {
		expect(check(day, '2027-02-30')).toEqual({ error: 'err_date_not_real' });
		expect(check(day, '2027-02-29')).toEqual({ error: 'err_date_not_real' });
		expect(check(day, '2027-13-01')).toEqual({ error: 'err_date_not_real' });
		expect(check(day, '2027-04-31')).toEqual({ error: 'err_date_not_real' });
		expect(isCalendarDate('2027-00-10')).toBe(false);
	});

	it('refuses what is not written as a date, and an empty required date', () => {
		for (const bad of ['30-02-2027', '2027-2-3', 'morgen', '', '2027-02-03T10:00'])
			expect(check(day, bad)).toEqual({ error: 'lending_err_date' });
	});
});
