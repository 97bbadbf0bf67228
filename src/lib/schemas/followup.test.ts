import { describe, expect, it } from 'vitest';
import { followUpAnswerSchema, toFollowUpAnswer } from './followup';

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
		expect(toFollowUpAnswer(data)).toEqual({ outcome: 'call_me', continuation: null, comment: '' });
	});
});
