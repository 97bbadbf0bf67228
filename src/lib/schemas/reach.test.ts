import { describe, expect, it } from 'vitest';
import { reachSchema } from './reach';

const issues = (input: object) => {
	const r = reachSchema.safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe('the "how we reach you" form', () => {
	it('takes quiet hours as HH:MM, refusing other ways of writing a time beside the field', () => {
		expect(issues({ follow_up: 'sms', quietFrom: '22:00', quietUntil: '07:30' })).toEqual([]);
		expect(issues({ quietFrom: '25:00', quietUntil: 'half acht' })).toEqual([
			'quietFrom: notify_err_time',
			'quietUntil: notify_err_time'
		]);
		expect(issues({ quietFrom: '', quietUntil: '08:00' })).toEqual(['quietFrom: notify_err_time']);
		expect(reachSchema.parse({ quietFrom: '7:30', quietUntil: '21.00' })).toMatchObject({
			quietFrom: '07:30',
			quietUntil: '21:00'
		});
	});

	it('reads no times when SMS and push may come at any hour', () => {
		expect(issues({ anyHour: true, quietFrom: 'nonsense', quietUntil: '' })).toEqual([]);
	});

	it('takes only the channels a person can choose (a letter follows from intake)', () => {
		expect(issues({ reminder: 'letter', quietFrom: '21:00', quietUntil: '08:00' })).toEqual([
			'reminder: notify_err_channel'
		]);
	});
});
