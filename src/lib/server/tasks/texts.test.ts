import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTask } from './describe';
import { TASK_TEXTS, renderTaskText } from './texts';

/** Every key of messages/<locale>/*.json. */
function keysOf(locale: string): Set<string> {
	const dir = `messages/${locale}`;
	return new Set(
		readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.flatMap((f) => Object.keys(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))))
	);
}

describe('task texts', () => {
	it('say a stored calendar day the way the reader says dates', () => {
		const text = {
			key: 'loans_call_return_text' as const,
			params: { name: 'Rosa', tool: 'Boormachine', to: '2026-03-10', place: 'De Schuur' }
		};
		expect(renderTaskText(text, 'nl')).toContain('dinsdag 10 maart 2026');
		expect(renderTaskText(text, 'en')).toContain('Tuesday, March 10, 2026');
		expect(renderTaskText(text, 'nl')).not.toContain('2026-03-10');
	});

	it('exist in Dutch and in English, every one of them', () => {
		const nl = keysOf('nl');
		const en = keysOf('en');
		const keys = Object.keys(TASK_TEXTS);
		expect(keys.length).toBeGreaterThan(0);
		expect(keys.filter((k) => !nl.has(k))).toEqual([]);
		expect(keys.filter((k) => !en.has(k))).toEqual([]);
	});

	it('are rendered in the reader’s language from the stored key and parameters', () => {
		const text = {
			key: 'broker_call_proposal_subject',
			params: { helper: 'Jef', title: 'Tuin' }
		} as const;
		expect(renderTaskText(text, 'nl')).toBe('Bel Jef: wil Jef helpen met "Tuin"?');
		expect(renderTaskText(text, 'en')).toBe('Call Jef: will Jef help with "Tuin"?');
		// A key an older version stored and this one no longer knows shows nothing, not a crash.
		expect(
			renderTaskText({ key: 'gone' as 'broker_call_proposal_subject', params: {} })
		).toBeNull();
	});

	it('of tasks stored before texts were keys still show their own words', () => {
		const old = {
			kind: 'call_resident',
			details: JSON.stringify({
				mailKind: 'post_expiring',
				subject: 'Je vraag loopt af',
				text: 'Tekst'
			})
		};
		expect(describeTask(old, 'Jan', 'en')).toEqual({ subject: 'Je vraag loopt af', text: 'Tekst' });
		const call = {
			kind: 'call_resident',
			details: JSON.stringify({
				call: {
					subject: { key: 'broker_call_proposal_subject', params: { helper: 'Jef', title: 'T' } },
					text: { key: 'broker_call_proposal_text', params: { helper: 'Jef', title: 'T' } }
				}
			})
		};
		expect(describeTask(call, 'Jef', 'en')).toEqual({
			subject: 'Call Jef: will Jef help with "T"?',
			text: 'Read out the request "T" and ask whether Jef will help. Write below what Jef answered.'
		});
	});
});
