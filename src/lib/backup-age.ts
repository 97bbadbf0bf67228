/** How the admin page words a backup's age: counts start at 2, so no plural rules are needed. */
export type BackupAge = { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

export function backupAge(seconds: number): BackupAge {
	const minutes = Math.floor(seconds / 60);
	if (minutes < 2) return { unit: 'now' };
	if (minutes < 120) return { unit: 'minutes', count: minutes };
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return { unit: 'hours', count: hours };
	return { unit: 'days', count: Math.floor(hours / 24) };
}

/** A daily backup older than two days means the backup job has been failing. */
export const backupIsLate = (seconds: number) => seconds > 2 * 24 * 60 * 60;
