import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guard';
import { db } from '../db';
import { decides, openCircle, speaksForCentre } from './access';

/**
 * The circle of a `/circles/[id]/…` page for someone in it (or caring for its centre); for anyone
 * else it does not exist (404). `need` asks more: `decides` (the centre, a carer or the
 * coordinator) or `centre` (the centre's own consent: the centre or a carer); else 403.
 */
export function requireCircle(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	need: 'member' | 'decides' | 'centre' = 'member'
) {
	const user = requireUser(event);
	const found = openCircle(db, Number((event.params as { id?: string }).id), user.id);
	if (!found) error(404, 'not found');
	if (need === 'decides' && !decides(found.role)) error(403, 'forbidden');
	if (need === 'centre' && !speaksForCentre(found.role)) error(403, 'forbidden');
	return { user, ...found };
}
