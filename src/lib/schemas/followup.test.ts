import { describe, expect, it } from 'vitest';
import { followUpAnswerSchema, hoursText, parseHours, toFollowUpAnswer } from './followup';

const issues = (input: unknown) =>
	followUpAnswerSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the follow-up answer', () => {
	it('does not ask "Will you continue?" after "Call me" or "It did not happen"', () => {
		expect(issues({ outcome: 'call_me', comment: '' })).toBeUndefined();
		expect(issues({ outcome: 'did_not_happen', comment: '' })).toBeUndefined();
	});

	it('still asks it when it went (partly) well', () => {
		expect(issues({ outcome: 'went_well', comment: '' })).toEqual([
			['continuation', 'followup_err_continuation']
		]);
		expect(issues({ outcome: 'partly', continuation: 'yes', comment: '' })).toBeUndefined();
	});

	it('asks how it went first', () => {
		expect(issues({ comment: '' })).toEqual([['outcome', 'followup_err_outcome']]);
	});

	it('stores no answer to a question that was not asked', () => {
		const data = followUpAnswerSchema.parse({ outcome: 'call_me', continuation: 'yes' });
		expect(toFollowUpAnswer(data)).toEqual({
			outcome: 'call_me',
			continuation: null,
			comment: '',
			minutes: null
		});
	});
});

describe('"How long did it take?"', () => {
	it('reads hours with a comma or a point, hours and minutes, and Arabic digits', () => {
		expect(parseHours('1,5')).toBe(90);
		expect(parseHours(' 2 ')).toBe(120);
		expect(parseHours('0.25')).toBe(15);
		expect(parseHours(',75')).toBe(45);
		expect(parseHours('1:30')).toBe(90);
		expect(parseHours('2u15')).toBe(135);
		expect(parseHours('١٫٥')).toBe(90);
	});

	it('keeps quarters of an hour, at least one', () => {
		expect(parseHours('1,1')).toBe(60);
		expect(parseHours('1,2')).toBe(75);
		expect(parseHours('0,05')).toBe(15);
	});

	it('may stay empty, and refuses what is not a time or more than a day', () => {
		expect(parseHours('')).toBeNull();
		expect(parseHours('0')).toBe('invalid');
		expect(parseHours('-1')).toBe('invalid');
		expect(parseHours('een uur')).toBe('invalid');
		expect(parseHours('1:75')).toBe('invalid');
		expect(parseHours('24')).toBe(24 * 60);
		expect(parseHours('24,5')).toBe('too_many');
		expect(issues({ outcome: 'call_me', hours: '30' })).toEqual([['hours', 'hours_err_too_many']]);
		expect(issues({ outcome: 'call_me', hours: 'veel' })).toEqual([['hours', 'hours_err_invalid']]);
	});

	it('stores the minutes, and nothing when left empty', () => {
		const answer = (hours: string) =>
			toFollowUpAnswer(followUpAnswerSchema.parse({ outcome: 'call_me', hours })).minutes;
		expect(answer('1,5')).toBe(90);
		expect(answer('')).toBeNull();
	});

	it('shows minutes as hours the way the language writes them', () => {
		expect(hoursText(90, 'nl')).toBe('1,5');
		expect(hoursText(90, 'en')).toBe('1.5');
		expect(hoursText(45, 'fr')).toBe('0,75');
		expect(hoursText(120, 'ar')).toBe('2');
	});
});
