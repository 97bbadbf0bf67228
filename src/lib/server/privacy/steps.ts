import type { DbOrTx, Tx } from '../db/client';
import type { User } from '../db/schema';

// The shapes every area's part of the download and of account deletion takes. They live apart
// from export.ts and delete.ts, which list every area's parts, so an area can declare its
// parts without importing the lists that import it.

/**
 * One part of the download: a name and a function that collects what that part of the site
 * stores about the person. Each section selects its fields explicitly, so a secret added to a
 * table later (a hash, a token) never ends up in the file by accident.
 */
export interface ExportSection {
	key: string;
	collect: (db: DbOrTx, person: User) => unknown;
}

/**
 * One step of deleting an account, run inside the one deletion transaction with the person's
 * row as it was before (so steps can still match on the old e-mail address). `origin` is the
 * site's address, for links in mail a step causes (a freed tool to the next person waiting).
 * What each step covers is declared in PERSONAL_DATA (personal-data.ts), by the step's name.
 */
export interface DeletionStep {
	name: string;
	run: (tx: Tx, person: User, now: number, origin: string) => void;
}
