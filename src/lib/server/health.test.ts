import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/client';
import { fillDisk } from './db/test-disk-full';
import { checkHealth } from './health';

describe('the health check', () => {
	it('reports the database as failing, with the reason, when a small write cannot commit', () => {
		const dir = mkdtempSync(join(tmpdir(), 'naburig-health-'));
		const { db, sqlite } = openDatabase(join(dir, 'health.db'));
		try {
			expect(checkHealth(db, 1)).toMatchObject({ status: 'ok', database: 'ok' });
			const free = fillDisk();
			let health;
			try {
				health = checkHealth(db, 2);
			} finally {
				free();
			}
			expect(health).toMatchObject({ status: 'error', database: 'error', error: /I\/O|full/i });
			// Reading still works on a full disk: the mail backlog is still reported.
			expect(health.outbox).toMatchObject({ pending: 0 });
			expect(checkHealth(db, 3)).toMatchObject({ status: 'ok', database: 'ok' });
		} finally {
			sqlite.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
