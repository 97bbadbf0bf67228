import { config } from '../config';
import type { DbOrTx } from '../db/client';
import { getSetting } from '../settings';

/** Demo mode: DEMO=1/0 decides; unset, it is on when this database was seeded with demo data. */
export function isDemo(db: DbOrTx): boolean {
	return config.DEMO ?? getSetting(db, 'demo') === '1';
}

/** One password for every demo account, shown in the README and on the sign-in page in demo mode. */
export const DEMO_PASSWORD = 'buurt-demo-2026';

/**
 * The second-factor key of the demo brokers and admins (base32, as an authenticator app takes it).
 * Public on purpose, like the password: in demo mode the code step shows the current code.
 */
export const DEMO_TOTP_KEY = 'NABURIGDEMOKEYVOORBROKERSENADMIN';
