import { describe, expect, it } from 'vitest';
import { errorSummaryItems } from './error-summary';

describe('the error summary', () => {
	it('links each error to its field, in the field’s own words (its first message)', () => {
		expect(
			errorSummaryItems([
				{ path: 'title', messages: ['post_err_title', 'err_too_long'] },
				{ path: 'languages._errors', messages: ['intake_err_language'] },
				{ path: '_errors', messages: ['err_invalid'] }
			])
		).toEqual([
			{ key: 'title:post_err_title', fieldId: 'f-title', message: 'post_err_title' },
			{
				key: 'languages:intake_err_language',
				fieldId: 'f-languages',
				message: 'intake_err_language'
			},
			{ key: '_errors:err_invalid', fieldId: null, message: 'err_invalid' }
		]);
	});

	it('follows the form’s order when a check across fields reports last', () => {
		const items = errorSummaryItems(
			[
				{ path: 'kind', messages: ['post_err_kind'] },
				{ path: 'title', messages: ['post_err_title'] },
				{ path: 'categoryId', messages: ['post_err_category'] }
			],
			['kind', 'categoryId', 'title', 'body']
		);
		expect(items.map((i) => i.fieldId)).toEqual(['f-kind', 'f-categoryId', 'f-title']);
	});
});
