import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { loans } from '../db/schema';
import { makeLendingNeighbourhood, NOW } from '../testing/lending';

const PROCESSES = 4;
const ATTEMPTS_EACH = 10;
const dir = mkdtempSync(join(tmpdir(), 'naburig-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts one worker process; resolves once it has opened the database and waits for "go". */
function startWorker(args: string[]): Promise<{ child: ChildProcess; output: Promise<string> }> {
	const child = spawn(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'src/lib/server/lending/concurrency-worker.ts', ...args],
		{ stdio: ['pipe', 'pipe', 'inherit'] }
	);
	let out = '';
	const output = new Promise<string>((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`worker exited with ${code}`))
		);
	});
	return new Promise((resolve) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.startsWith('ready\n')) resolve({ child, output });
		});
	});
}

it(
	'of many processes reserving the same days of one tool at the same moment, exactly one wins',
	async () => {
		const file = join(dir, 'race.db');
		const { db, sqlite } = openDatabase(file);
		const f = makeLendingNeighbourhood(db);
		// Everyone may borrow (limit high enough), so only the overlap rule can refuse them.
		const people = Array.from({ length: PROCESSES * ATTEMPTS_EACH }, () => f.borrower().id);
		sqlite.close();

		const workers = await Promise.all(
			Array.from({ length: PROCESSES }, (_, i) =>
				startWorker([
					file,
					String(f.drill),
					'2026-03-17',
					'2026-03-19',
					String(NOW),
					...people.slice(i * ATTEMPTS_EACH, (i + 1) * ATTEMPTS_EACH)
				])
			)
		);
		// All are connected and waiting: fire together.
		for (const w of workers) w.child.stdin!.write('go\n');
		const results = (await Promise.all(workers.map((w) => w.output)))
			.flatMap((out) => out.split('\n').slice(1).filter(Boolean))
			.map((line) => JSON.parse(line) as { ok: boolean; code?: string });

		expect(results).toHaveLength(PROCESSES * ATTEMPTS_EACH);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(new Set(results.filter((r) => !r.ok).map((r) => r.code))).toEqual(
			new Set(['lending_err_clash'])
		);
		const check = openDatabase(file);
		const active = check.db
			.select()
			.from(loans)
			.where(and(eq(loans.toolId, f.drill), inArray(loans.status, ['reserved', 'on_loan'])))
			.all();
		check.sqlite.close();
		expect(active).toHaveLength(1);
	},
	// Starting TypeScript processes is slow on a busy machine; the race itself takes milliseconds.
	180_000
);
