import { eq } from 'drizzle-orm';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { agreementStandings } from '$lib/server/volunteers/agreement-status';
import type { PageServerLoad } from './$types';

/** The helper's own corner: the agreement, expenses, gatherings, asking the broker, the statement. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const hood = db
		.select({ id: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, user.id))
		.get()?.id;
	const standing = hood ? (agreementStandings(db, hood, [user.id]).get(user.id) ?? 'none') : 'none';
	return { standing };
};
