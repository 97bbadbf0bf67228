import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as messages from '$lib/paraglide/messages.js';
import { baseLocale, locales } from '$lib/paraglide/runtime.js';

// Every language is complete (issue 19): each has every key Dutch has, no key Dutch lacks, only
// the placeholders the Dutch message fills, and a text for every plural form the language has.
// Paraglide quietly falls back to Dutch for a missing key and to the key's name for a missing
// plural form, so without this test a gap only shows when a person reads it.

const ROOT = join(import.meta.dirname, '../../messages');

type Variant = { match: Record<string, string> };
type Message =
	string | { declarations?: string[]; selectors?: string[]; match: Record<string, string> }[];

function file(locale: string, name: string): Record<string, Message> {
	const json = JSON.parse(readFileSync(join(ROOT, locale, name), 'utf8')) as Record<
		string,
		Message
	>;
	delete json.$schema;
	return json;
}

const FILES = readdirSync(join(ROOT, baseLocale)).filter((f) => f.endsWith('.json'));
const OTHERS = locales.filter((l) => l !== baseLocale);

/** The texts of a message: one, or one per variant. */
function texts(message: Message): string[] {
	return typeof message === 'string'
		? [message]
		: message.flatMap((v: Variant) => Object.values(v.match));
}

/** The names a message takes from outside: `{name}` in its texts and `input name` declarations. */
function inputs(message: Message): Set<string> {
	const names = new Set<string>();
	for (const text of texts(message))
		for (const [, name] of text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)) names.add(name!);
	if (typeof message !== 'string')
		for (const v of message)
			for (const d of v.declarations ?? []) {
				const input = /^input\s+(\w+)/.exec(d);
				if (input) names.add(input[1]!);
			}
	return names;
}

/** Local names a message declares itself (`local countPlural = …`), which are not inputs. */
function locals(message: Message): Set<string> {
	const names = new Set<string>();
	if (typeof message !== 'string')
		for (const v of message)
			for (const d of v.declarations ?? []) {
				const local = /^local\s+(\w+)/.exec(d);
				if (local) names.add(local[1]!);
			}
	return names;
}

describe('every language has every message', () => {
	it('has more than one language besides Dutch, each with a folder of message files', () => {
		expect(OTHERS).toEqual(expect.arrayContaining(['en', 'fr', 'tr', 'ar']));
		for (const locale of OTHERS)
			expect(readdirSync(join(ROOT, locale)).sort()).toEqual([...FILES].sort());
	});

	for (const locale of OTHERS) {
		it(`${locale}: has every key Dutch has, and no key Dutch lacks`, () => {
			const missing: string[] = [];
			const extra: string[] = [];
			for (const name of FILES) {
				const nl = file(baseLocale, name);
				const other = file(locale, name);
				for (const key of Object.keys(nl)) if (!(key in other)) missing.push(`${name}:${key}`);
				for (const key of Object.keys(other)) if (!(key in nl)) extra.push(`${name}:${key}`);
			}
			expect(missing).toEqual([]);
			expect(extra).toEqual([]);
		});

		it(`${locale}: fills only the placeholders the Dutch message has`, () => {
			const wrong: string[] = [];
			for (const name of FILES) {
				const nl = file(baseLocale, name);
				const other = file(locale, name);
				for (const [key, message] of Object.entries(other)) {
					if (!nl[key]) continue;
					const allowed = inputs(nl[key]);
					const own = locals(message);
					for (const used of inputs(message))
						if (!allowed.has(used) && !own.has(used)) wrong.push(`${name}:${key} {${used}}`);
				}
			}
			expect(wrong).toEqual([]);
		});
	}
});

describe('plural messages', () => {
	const fns = messages as unknown as Record<
		string,
		(inputs: Record<string, unknown>, options: { locale: string }) => string
	>;
	const plurals = FILES.flatMap((name) =>
		Object.entries(file(baseLocale, name))
			.filter(([, m]) => typeof m !== 'string')
			.map(([key, m]) => ({ key, inputs: [...inputs(m)] }))
	);

	it('are found in the Dutch files', () => {
		expect(plurals.length).toBeGreaterThan(5);
	});

	// 0, 1, 2, 3–10, 11–99, 100+, a million and a fraction reach every plural form of the five
	// languages (Arabic has six: zero, one, two, few, many, other; French "many" is for millions).
	const COUNTS = [0, 1, 2, 3, 7, 11, 25, 100, 102, 1000, 1_000_000, 1.5];

	for (const locale of locales) {
		it(`${locale}: give a text for every plural form the language has`, () => {
			const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			const reached = new Set(COUNTS.map((n) => new Intl.PluralRules(locale).select(n)));
			expect(categories.filter((c) => !reached.has(c))).toEqual([]);
			const fallsThrough: string[] = [];
			for (const { key, inputs: names } of plurals) {
				const fn = fns[key];
				expect(fn, key).toBeTypeOf('function');
				for (const n of COUNTS) {
					const text = fn!(Object.fromEntries(names.map((name) => [name, n])), { locale });
					if (text === key || text.trim() === '') fallsThrough.push(`${key} (${n})`);
				}
			}
			expect(fallsThrough).toEqual([]);
		});
	}

	it('use the six Arabic forms: 0, 1, 2, a few, many and the rest are told apart', () => {
		const rules = new Intl.PluralRules('ar');
		expect([0, 1, 2, 5, 11, 100].map((n) => rules.select(n))).toEqual([
			'zero',
			'one',
			'two',
			'few',
			'many',
			'other'
		]);
	});
});

describe('the translations are translations', () => {
	const SCRIPT: Record<string, RegExp> = { ar: /\p{Script=Arabic}/u };

	for (const locale of OTHERS) {
		it(`${locale}: most texts differ from the Dutch ones${SCRIPT[locale] ? ' and are in its script' : ''}`, () => {
			let total = 0;
			let same = 0;
			let script = 0;
			for (const name of FILES) {
				const nl = file(baseLocale, name);
				const other = file(locale, name);
				for (const [key, message] of Object.entries(nl)) {
					const text = texts(message).join(' ');
					if (!/\p{L}{4,}/u.test(text.replace(/\{[^}]*\}/g, ''))) continue;
					total++;
					const theirs = other[key] ? texts(other[key]).join(' ') : text;
					if (theirs === text) same++;
					if (SCRIPT[locale]?.test(theirs)) script++;
				}
			}
			expect(total).toBeGreaterThan(1500);
			// Names, e-mail addresses and words like "Naburig" or "OK" stay the same in any language.
			expect(same / total).toBeLessThan(0.05);
			if (SCRIPT[locale]) expect(script / total).toBeGreaterThan(0.95);
		});
	}
});
