import { config, isPublicSite, type Config } from '../config';
import type { DbOrTx } from '../db/client';
import { getSetting } from '../settings';

type DemoSettings = Pick<Config, 'DEMO' | 'NODE_ENV' | 'ORIGIN' | 'PROTOCOL_HEADER'>;

/**
 * security: may an empty database be filled with the demo neighbourhood (public password and
 * second-factor key, open mailbox)? DEMO=1/0 decides; unset, only on a local trial site.
 */
export function mayStartDemo(c: DemoSettings): boolean {
	return c.DEMO ?? !isPublicSite(c);
}

/**
 * Demo mode: DEMO=1/0 decides; unset, it is on for a local trial site whose database was seeded
 * with demo data. A public site never turns it on by itself, even over a demo database.
 */
export function demoEnabled(c: DemoSettings, seededWithDemo: boolean): boolean {
	return c.DEMO ?? (!isPublicSite(c) && seededWithDemo);
}

/** Was this database filled with the demo neighbourhood on its first start? */
export function isDemoDatabase(db: DbOrTx): boolean {
	return getSetting(db, 'demo') === '1';
}

/** Demo mode for this server (banner, demo accounts on the sign-in page, open mailbox). */
export function isDemo(db: DbOrTx): boolean {
	return demoEnabled(config, isDemoDatabase(db));
}

/** One password for every demo account, shown in the README and on the sign-in page in demo mode. */
export const DEMO_PASSWORD = 'buurt-demo-2026';

/**
 * The second-factor key of the demo brokers and admins (base32, as an authenticator app takes it).
 * Public on purpose, like the password: in demo mode the code step shows the current code.
 */
export const DEMO_TOTP_KEY = 'NABURIGDEMOKEYVOORBROKERSENADMIN';
