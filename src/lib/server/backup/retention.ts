import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups } from './store';

/** How many daily, weekly and monthly backups to keep (BACKUP_KEEP, e.g. "7d,4w,12m"). */
export interface Keep {
	daily: number;
	weekly: number;
	monthly: number;
}

/** Reads BACKUP_KEEP; the config schema has already checked its shape. */
export function parseKeep(value: string): Keep {
	const [daily, weekly, monthly] = value.split(',').map((part) => parseInt(part, 10));
	return { daily: daily ?? 7, weekly: weekly ?? 4, monthly: monthly ?? 12 };
}

const DAY = 24 * 60 * 60 * 1000;

// Periods in UTC, so a backup's period never depends on the server's time zone.
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
// 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
const weekOf = (t: number) => String(Math.floor((Math.floor(t / DAY) + 3) / 7));
const monthOf = (t: number) => new Date(t).toISOString().slice(0, 7);

/**
 * Which backups to keep: the newest of each of the last `daily` days, `weekly` weeks and
 * `monthly` months that have one (a backup may count for several), always the newest, and every
 * one of the last 24 hours, so a backup made by hand before an upgrade survives a later one.
 */
export function backupsToKeep(
	backups: { name: string; createdAt: number }[],
	keep: Keep,
	now: number
): Set<string> {
	const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
	const kept = new Set<string>(
		newestFirst.filter((b, i) => i === 0 || b.createdAt > now - DAY).map((b) => b.name)
	);
	for (const [period, count] of [
		[dayOf, keep.daily],
		[weekOf, keep.weekly],
		[monthOf, keep.monthly]
	] as const) {
		const seen = new Set<string>();
		for (const b of newestFirst) {
			const p = period(b.createdAt);
			if (seen.has(p)) continue;
			if (seen.size >= count) break;
			seen.add(p);
			kept.add(b.name);
		}
	}
	return kept;
}

/**
 * Removes the backups the retention does not keep, and half-made ones (a crash during a
 * backup) older than a day. Returns the names removed.
 */
export function pruneBackups(dir: string, keep: Keep, now: number): string[] {
	const backups = listBackups(dir);
	const kept = backupsToKeep(backups, keep, now);
	const removed = backups.filter((b) => !kept.has(b.name)).map((b) => b.name);
	const stale = readdirSync(dir).filter(
		(name) => name.startsWith('.partial-') && statSync(join(dir, name)).mtimeMs < now - DAY
	);
	for (const name of [...removed, ...stale])
		rmSync(join(dir, name), { recursive: true, force: true });
	return removed;
}
