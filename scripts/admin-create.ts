// Makes the first (or another) administrator of a real site and prints a single-use link on
// which they choose their password; signing in then asks them to set up the second factor.
//   npm run admin:create -- --email you@example.org --name "Your Name"
// Reads DATABASE_URL and ORIGIN like the server; may run while the site is running.
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { createAdmin } from '../src/lib/server/auth/first-admin';

const { values } = parseArgs({
	options: { email: { type: 'string' }, name: { type: 'string' } }
});
if (!values.email) {
	console.error('Usage: npm run admin:create -- --email you@example.org --name "Your Name"');
	process.exit(2);
}
const { db, sqlite } = openDatabase(config.DATABASE_URL);
const result = createAdmin(
	db,
	{ email: values.email, name: values.name ?? values.email.split('@')[0]! },
	Date.now()
);
sqlite.close();
if (!result.ok) {
	const why = {
		bad_email: 'that is not an e-mail address',
		bad_name: 'the name needs at least 2 characters',
		not_active: 'that account is suspended or deleted'
	}[result.reason];
	console.error(`No administrator made: ${why}.`);
	process.exit(1);
}
const origin = (config.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
console.log(
	`${result.created ? 'Administrator created' : 'Existing account is now administrator'}: ${result.user.email}
Open this link within one hour to choose a password (it works once):

  ${origin}${result.setupPath}

After signing in you set up the second factor (an authenticator app) before any admin page opens.
Run the command again for a new link.`
);
