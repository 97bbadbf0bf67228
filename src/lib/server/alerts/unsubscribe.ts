import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { DbOrTx } from '../db/client';
import { appSettings } from '../db/schema';
import { getSetting } from '../settings';
import { stopAlerts } from './settings';

/**
 * The one-click "stop these messages" link of alert mails (RFC 8058), which works without
 * signing in. Its token is the person's id and an HMAC over that id and its purpose, with a
 * secret this installation makes on first use and keeps in app_settings: it cannot be guessed
 * or changed into another person's, stores nothing per person, and can only stop alerts.
 */
const SECRET_KEY = 'alerts_unsubscribe_secret';
const PURPOSE = 'alerts-unsubscribe';

function secret(db: DbOrTx): Uint8Array {
	const stored = getSetting(db, SECRET_KEY);
	if (stored) return decodeHex(stored);
	const fresh = new Uint8Array(32);
	crypto.getRandomValues(fresh);
	// Two processes making one at once: the first one stored wins, and both read it back.
	db.insert(appSettings)
		.values({ key: SECRET_KEY, value: encodeHexLowerCase(fresh) })
		.onConflictDoNothing()
		.run();
	return decodeHex(getSetting(db, SECRET_KEY)!);
}

function signature(db: DbOrTx, userId: string): Uint8Array {
	return hmac(SHA256, secret(db), new TextEncoder().encode(`${PURPOSE}:${userId}`));
}

/** The token of a person's unsubscribe link. */
export function unsubscribeToken(db: DbOrTx, userId: string): string {
	return `${userId}.${encodeBase64urlNoPadding(signature(db, userId))}`;
}

/** The whole link, as the mail and its List-Unsubscribe header carry it. */
export function unsubscribeUrl(db: DbOrTx, origin: string, userId: string): string {
	return `${origin}/unsubscribe/${unsubscribeToken(db, userId)}`;
}

/** Whose link this is, or null for a token that was not made here (or was changed). */
export function unsubscribeTokenOwner(db: DbOrTx, token: string): string | null {
	const dot = token.lastIndexOf('.');
	if (dot <= 0) return null;
	const userId = token.slice(0, dot);
	const given = new TextEncoder().encode(token.slice(dot + 1));
	const expected = new TextEncoder().encode(encodeBase64urlNoPadding(signature(db, userId)));
	return given.length === expected.length && constantTimeEqual(given, expected) ? userId : null;
}

export type UnsubscribeResult = 'stopped' | 'already' | 'invalid';

/** Uses the link: the person's alerts go to "never". */
export function unsubscribeByToken(db: DbOrTx, token: string, now: number): UnsubscribeResult {
	const userId = unsubscribeTokenOwner(db, token);
	if (!userId) return 'invalid';
	return stopAlerts(db, userId, now) ? 'stopped' : 'already';
}
