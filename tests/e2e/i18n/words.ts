import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../../messages');
const cache = new Map<string, Record<string, unknown>>();

function messagesOf(locale: string): Record<string, unknown> {
	let all = cache.get(locale);
	if (!all) {
		all = {};
		for (const file of readdirSync(join(ROOT, locale)))
			Object.assign(all, JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')));
		cache.set(locale, all);
	}
	return all;
}

/**
 * A text of the site as a person reading it in `locale` reads it: taken from that language's
 * message file (not from the page), with its placeholders filled in. Plain messages only. Fails
 * when the language lacks the message, so a test cannot pass on the Dutch fallback.
 */
export function say(
	locale: string,
	key: string,
	params: Record<string, string | number> = {}
): string {
	const text = messagesOf(locale)[key];
	if (typeof text !== 'string') throw new Error(`no plain message ${key} in ${locale}`);
	return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A pattern matching exactly this text (a mail's subject). */
export const exactly = (text: string) =>
	new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
