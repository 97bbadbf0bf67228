import webpush from 'web-push';
import type { DB } from '../db/client';
import { getSetting, setSetting } from '../settings';

/** The installation's VAPID key pair (base64url), which push services tie subscriptions to. */
export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

const SETTING = 'push.vapid_keys';

/**
 * The VAPID keys, made on first use and kept in `app_settings` (so backups carry them: a new
 * pair would silently orphan every subscription). Made in an IMMEDIATE transaction, so two
 * processes starting at once keep one pair.
 */
export function vapidKeys(db: DB): VapidKeys {
	// Every push and every push page reads them: only their first making takes the write lock.
	const kept = getSetting(db, SETTING);
	if (kept) return JSON.parse(kept) as VapidKeys;
	return db.transaction(
		(tx) => {
			const stored = getSetting(tx, SETTING);
			if (stored) return JSON.parse(stored) as VapidKeys;
			const { publicKey, privateKey } = webpush.generateVAPIDKeys();
			setSetting(tx, SETTING, JSON.stringify({ publicKey, privateKey }));
			return { publicKey, privateKey };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Who push services may contact about our messages: the sender address of MAIL_FROM
 * ("Naburig <buurt@example.org>" → mailto:buurt@example.org), else the site's address.
 */
export function vapidSubject(mailFrom: string | undefined, origin: string): string {
	const address = mailFrom?.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? mailFrom?.trim();
	if (address && /^[^\s@<>]+@[^\s@<>]+$/.test(address)) return `mailto:${address}`;
	return origin;
}
