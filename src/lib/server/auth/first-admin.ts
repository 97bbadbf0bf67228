import { and, count, eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { users, type User } from '../db/schema';
import { newId } from '../ids';
import { createEmailToken } from './email-tokens';
import { renewSessionsAfterRoleChange } from './session';

/** Is there anyone who can run the site (an active administrator)? */
export function hasAdmin(db: DB): boolean {
	const row = db
		.select({ n: count() })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
		.get();
	return (row?.n ?? 0) > 0;
}

export interface AdminInput {
	email: string;
	name: string;
}

export type CreateAdminResult =
	| { ok: true; user: User; created: boolean; setupPath: string }
	| { ok: false; reason: 'bad_email' | 'bad_name' | 'not_active' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Makes an administrator from the command line (`npm run admin:create`), with no password: it
 * returns a single-use link (the password-reset link, valid one hour) on which they choose one.
 * An existing account becomes administrator. Signing in then sends them to set up the second
 * factor first, as every administrator must (the guard).
 */
export function createAdmin(db: DB, input: AdminInput, now: number): CreateAdminResult {
	const email = input.email.trim().toLowerCase();
	const name = input.name.trim();
	if (!EMAIL.test(email)) return { ok: false, reason: 'bad_email' };
	if (name.length < 2) return { ok: false, reason: 'bad_name' };
	return db.transaction((tx): CreateAdminResult => {
		const existing = tx.select().from(users).where(eq(users.email, email)).get();
		if (existing && existing.status !== 'active') return { ok: false, reason: 'not_active' };
		if (existing && existing.role !== 'admin') renewSessionsAfterRoleChange(tx, existing.id, now);
		const user = existing
			? tx
					.update(users)
					.set({ role: 'admin' })
					.where(eq(users.id, existing.id))
					.returning()
					.all()[0]!
			: tx
					.insert(users)
					.values({ id: newId(), email, displayName: name, role: 'admin', createdAt: now })
					.returning()
					.all()[0]!;
		const token = createEmailToken(tx, user.id, 'reset_password', email, now);
		return { ok: true, user, created: !existing, setupPath: `/reset-password/${token}` };
	});
}
