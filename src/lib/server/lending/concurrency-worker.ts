// One of the processes of reservations.concurrency.test.ts: opens the shared SQLite file on its
// own connection, waits for "go" on stdin so all processes fire together, tries to reserve the
// same days for each borrower it was given, and prints one JSON line per attempt.
import { createInterface } from 'node:readline';
import { openDatabase } from '../db/client';
import { ReservationError, reserveTool } from './reservations';

const [file, toolId, startDate, endDate, now, ...borrowers] = process.argv.slice(2);
const { db, sqlite } = openDatabase(file!);
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', () => {
	for (const borrowerId of borrowers) {
		try {
			const loan = reserveTool(
				db,
				{ toolId: Number(toolId), borrowerId, startDate: startDate!, endDate: endDate! },
				Number(now),
				'https://naburig.test'
			);
			process.stdout.write(JSON.stringify({ ok: true, loanId: loan.id }) + '\n');
		} catch (e) {
			const code = e instanceof ReservationError ? e.code : String(e);
			process.stdout.write(JSON.stringify({ ok: false, code }) + '\n');
		}
	}
	lines.close();
	process.stdin.destroy();
	sqlite.close();
});
