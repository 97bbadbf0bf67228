import { error, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { log } from '../log';
import { canActFor } from './carers';

/**
 * Whom a new post is for: the signed-in person, or with ?for=<id> the resident they act for.
 * Without a consented link the page is refused (403).
 */
export function authorFor(
	event: Pick<RequestEvent, 'url'>,
	userId: string
): { id: string; displayName: string } {
	const forId = event.url.searchParams.get('for');
	if (!forId || forId === userId) return { id: userId, displayName: '' };
	if (!canActFor(db, userId, forId)) {
		log.warn('access.refused', { user: userId, need: `proxy:${forId}`, path: event.url.pathname });
		error(403, 'forbidden');
	}
	const resident = db
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(eq(users.id, forId))
		.get();
	if (!resident) error(404, 'not found');
	return resident;
}
