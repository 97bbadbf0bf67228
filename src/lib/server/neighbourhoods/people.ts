import { and, asc, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
	neighbourhoodBrokers,
	neighbourhoods,
	users,
	type Role,
	type UserStatus
} from '../db/schema';

/** A person found by the admin: only what is needed to recognise them and their role. */
export interface PersonRow {
	id: string;
	displayName: string;
	email: string | null;
	role: Role;
	status: UserStatus;
	neighbourhood: string | null;
	brokerOf: string[];
}

/** At most this many people are shown; the admin can type more to narrow it down. */
export const PEOPLE_LIMIT = 50;

/** Escapes LIKE wildcards so "%" and "_" in a search match themselves. */
function likeTerm(q: string): string {
	return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** People whose e-mail address or name contains the search text (not deleted accounts). */
export function findPeople(db: DbOrTx, query: string): PersonRow[] {
	const term = likeTerm(query.trim());
	const rows = db
		.select({
			id: users.id,
			displayName: users.displayName,
			email: users.email,
			role: users.role,
			status: users.status,
			neighbourhood: neighbourhoods.name
		})
		.from(users)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(
			and(
				ne(users.status, 'deleted'),
				or(
					like(sql`lower(${users.email})`, sql`${term} escape '\\'`),
					like(sql`lower(${users.displayName})`, sql`${term} escape '\\'`)
				)
			)
		)
		.orderBy(asc(users.displayName))
		.limit(PEOPLE_LIMIT)
		.all();
	if (rows.length === 0) return [];
	const scopes = db
		.select({ userId: neighbourhoodBrokers.userId, name: neighbourhoods.name })
		.from(neighbourhoodBrokers)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, neighbourhoodBrokers.neighbourhoodId))
		.where(
			inArray(
				neighbourhoodBrokers.userId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(neighbourhoods.name))
		.all();
	return rows.map((r) => ({
		...r,
		brokerOf: scopes.filter((s) => s.userId === r.id).map((s) => s.name)
	}));
}
