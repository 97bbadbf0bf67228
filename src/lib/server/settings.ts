import { eq } from 'drizzle-orm';
import type { DbOrTx } from './db/client';
import { appSettings } from './db/schema';

/** Reads one installation fact, e.g. "demo". */
export function getSetting(db: DbOrTx, key: string): string | undefined {
	return db.select().from(appSettings).where(eq(appSettings.key, key)).get()?.value;
}

/** Writes one installation fact. */
export function setSetting(db: DbOrTx, key: string, value: string): void {
	db.insert(appSettings)
		.values({ key, value })
		.onConflictDoUpdate({ target: appSettings.key, set: { value } })
		.run();
}
