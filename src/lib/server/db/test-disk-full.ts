import { execFileSync } from 'node:child_process';

/**
 * For tests: makes the disk "full" for one process (this one by default), as SQLite meets a full
 * disk when it commits: every write to a file past its first byte is refused (a file-size limit
 * set with Linux's `prlimit`; the kernel answers EFBIG, SQLite SQLITE_IOERR_WRITE). Returns the
 * function that frees the space again. Why not `PRAGMA max_page_count`: SQLite checks that limit
 * while a statement runs, never while it commits, so it cannot show a commit that failed.
 */
export function fillDisk(pid: number = process.pid): () => void {
	const soft = execFileSync('prlimit', [
		'--pid',
		String(pid),
		'--fsize',
		'--output=SOFT',
		'--noheadings'
	])
		.toString()
		.trim();
	execFileSync('prlimit', ['--pid', String(pid), '--fsize=1:']);
	return () => void execFileSync('prlimit', ['--pid', String(pid), `--fsize=${soft}:`]);
}
