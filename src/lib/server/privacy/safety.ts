import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { auditLog, posts, recoveryCodes, reports, tasks } from '../db/schema';
import type { DeletionStep, ExportSection } from './steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Sign-in safety, reports and the desk's tasks about a person, for the data download. */
export const safetyExport: ExportSection[] = [
	{
		// Whether the second factor is on and how many recovery codes are left: never the secrets.
		key: 'twoFactor',
		collect: (db, p) => {
			const codes = db
				.select({ createdAt: recoveryCodes.createdAt, usedAt: recoveryCodes.usedAt })
				.from(recoveryCodes)
				.where(eq(recoveryCodes.userId, p.id))
				.all();
			return {
				on: p.totpKey !== null,
				lastCodeAcceptedAt: p.totpLastStep === null ? null : iso(p.totpLastStep * 30_000),
				recoveryCodes: codes.map((c) => ({ createdAt: iso(c.createdAt), usedAt: iso(c.usedAt) }))
			};
		}
	},
	{
		// Who reported and what they wrote stays out: it could tell who reported the person.
		key: 'reportsAboutMe',
		collect: (db, p) =>
			db
				.select({ at: reports.createdAt, status: reports.status, resolution: reports.resolution })
				.from(reports)
				.where(eq(reports.personId, p.id))
				.all()
				.map((r) => ({ ...r, at: iso(r.at) }))
	},
	{
		key: 'tasksAboutMe',
		collect: (db, p) =>
			db
				.select({ kind: tasks.kind, createdAt: tasks.createdAt, doneAt: tasks.doneAt })
				.from(tasks)
				.where(eq(tasks.subjectUserId, p.id))
				.orderBy(asc(tasks.createdAt))
				.all()
				.map((t) => ({ kind: t.kind, createdAt: iso(t.createdAt), doneAt: iso(t.doneAt) }))
	},
	{
		// What others did about the person (a broker read their notes, granted a badge, …), by code.
		key: 'activityAboutMe',
		collect: (db, p) =>
			db
				.select({ at: auditLog.at, action: auditLog.action })
				.from(auditLog)
				.where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, p.id)))
				.orderBy(asc(auditLog.at))
				.all()
				.map((a) => ({ at: iso(a.at), action: a.action }))
	}
];

/**
 * Deleting an account: recovery codes go (the second-factor key is emptied with the profile);
 * audit entries about the person or their posts keep only their codes;
 * reports about the person are closed and their words wiped (there is nobody left to act on);
 * the desk's tasks about the person go, done or not (there is nobody left to call).
 */
export const safetyDeletion: DeletionStep[] = [
	{
		name: 'recovery_codes',
		run: (tx, p) => tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, p.id)).run()
	},
	{
		name: 'reports',
		run: (tx, p, now) => {
			tx.update(reports)
				.set({ status: 'resolved', resolvedAt: now })
				.where(and(eq(reports.personId, p.id), eq(reports.status, 'open')))
				.run();
			tx.update(reports)
				.set({ reason: '', resolution: null })
				.where(eq(reports.personId, p.id))
				.run();
		}
	},
	{
		// The entries stay (who did what, when); the words about the person or their posts go,
		// e.g. a broker's reason for hiding a post.
		name: 'audit_log',
		run: (tx, p) => {
			const ownPosts = tx
				.select({ id: sql<string>`CAST(${posts.id} AS TEXT)` })
				.from(posts)
				.where(eq(posts.authorId, p.id));
			tx.update(auditLog)
				.set({ detail: '{}' })
				.where(
					or(
						and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, p.id)),
						and(eq(auditLog.subjectType, 'post'), inArray(auditLog.subjectId, ownPosts))
					)
				)
				.run();
		}
	},
	{
		name: 'tasks',
		run: (tx, p) => tx.delete(tasks).where(eq(tasks.subjectUserId, p.id)).run()
	}
];
