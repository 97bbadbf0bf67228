import { isPublicSite, type Config } from '../config';
import type { DB } from '../db/client';
import { hasAdmin } from '../auth/first-admin';
import { log } from '../log';
import { demoEnabled, isDemoDatabase, mayStartDemo } from './mode';
import { seedDemoIfEmpty } from './seed';

type StartSettings = Pick<Config, 'DEMO' | 'NODE_ENV' | 'ORIGIN' | 'PROTOCOL_HEADER'>;

export interface FirstStart {
	/** The demo neighbourhood was put into an empty database just now. */
	seeded: boolean;
	demo: boolean;
	/** Nobody can administer the site yet: the log says how to make the first administrator. */
	needsAdmin: boolean;
}

export const ADMIN_CREATE_HINT =
	'npm run admin:create -- --email you@example.org --name "Your Name"';

/**
 * What a start does with this database: on a local trial site an empty database becomes the
 * demo neighbourhood; a real site creates no accounts and logs how to make the first
 * administrator. Demo mode on a public site (DEMO=1) is warned about loudly.
 */
export async function prepareFirstStart(
	db: DB,
	c: StartSettings,
	now: number
): Promise<FirstStart> {
	const seeded = mayStartDemo(c) ? await seedDemoIfEmpty(db, now) : false;
	const demo = demoEnabled(c, isDemoDatabase(db));
	if (demo && isPublicSite(c))
		log.warn('demo.public_site', {
			message:
				'DEMO MODE IS ON FOR A PUBLIC SITE (DEMO=1): the demo accounts have a public password and second-factor key, and anyone can read every mail on /mailbox. Never use this for real people.'
		});
	else if (!demo && isDemoDatabase(db))
		log.warn('demo.accounts_present', {
			message:
				'Demo mode is off, but this database was filled with demo accounts whose password is public. Start a real site from an empty database.'
		});
	const needsAdmin = !demo && !hasAdmin(db);
	if (needsAdmin)
		log.warn('setup.no_admin', {
			message: `There is no administrator yet. Make the first one with: ${ADMIN_CREATE_HINT}`
		});
	return { seeded, demo, needsAdmin };
}
