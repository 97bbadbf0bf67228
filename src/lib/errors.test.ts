import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as errorMessages from './error-messages';
import { translateError } from './errors';
import { TASK_TEXTS } from './server/tasks/texts';

const messageKeys = readdirSync('messages/en').flatMap((file) =>
	Object.keys(JSON.parse(readFileSync(join('messages/en', file), 'utf8')) as object).filter(
		(key) => !key.startsWith('$')
	)
);
const known = new Set(messageKeys);
const listed = new Set(Object.keys(errorMessages));
// Task texts are keys too, but rendered on the server from their own typed list, never as errors.
const taskTexts = new Set(Object.keys(TASK_TEXTS));

/** Every source file but tests and the compiled messages. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sources(path);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
	});
}

describe('translateError', () => {
	it('says an error in the reader language, and a general message for an unknown key', () => {
		expect(translateError('err_invalid')).toBe('Deze waarde klopt niet. Kijk ze nog eens na.');
		expect(translateError('no_such_key')).toBe(translateError('err_invalid'));
	});

	it('knows every message named as an error', () => {
		expect(messageKeys.filter((k) => /(^|_)err(or)?(_|$)/.test(k) && !listed.has(k))).toEqual([]);
	});

	// An action or schema names its error as a message key in quotes: setError(form, 'hours',
	// 'intake_service_hours_invalid'). Every such key must be in the short list the browser loads.
	it('knows every message key that the code passes around as a string', () => {
		const missing = new Set<string>();
		for (const file of sources('src'))
			for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([a-z][a-z0-9_]+)'/g))
				if (known.has(key!) && !listed.has(key!) && !taskTexts.has(key!))
					missing.add(`${key} (${file})`);
		expect([...missing]).toEqual([]);
	});
});
