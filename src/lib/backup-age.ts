/** How old a backup is, in the unit the admin page words it in (`agoText` in $lib/intl). */
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
