import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { smtpTransport } from '../mail/transport';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp';
import { makeAlertNeighbourhood } from '../testing/alerts';
import { MINUTE } from '../testing/dates';
import { runAlerts } from './run';
import { unsubscribeUrl } from './unsubscribe';

const ORIGIN = 'https://buurt.example';
let smtp: TestSmtp | undefined;
afterEach(() => smtp?.close());

describe('an alert mail over SMTP', () => {
	it('carries the one-click unsubscribe headers of RFC 8058', async () => {
		const db = createTestDb();
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { request, helper } = makeAlertNeighbourhood(db, { rhythm: 'at_once', from: t0 });
		request(t0 + MINUTE, { title: 'Lamp vervangen' });
		expect(runAlerts(db, t0 + 2 * MINUTE, ORIGIN)).toBe(1);
		const row = db.select().from(outbox).where(eq(outbox.kind, 'alert')).get()!;

		smtp = await startTestSmtp();
		await smtpTransport(smtp.url, 'Naburig <buurt@naburig.test>').send(row);
		expect(smtp.raw).toHaveLength(1);
		// Headers may be folded over lines: unfold them first.
		const mail = smtp.raw[0]!.replace(/\r\n/g, '\n');
		const headers = mail.split('\n\n')[0]!.replace(/\n[ \t]+/g, ' ');
		const stop = unsubscribeUrl(db, ORIGIN, helper.id);
		expect(headers).toMatch(
			new RegExp(`^List-Unsubscribe: <${stop.replace(/[.]/g, '\\.')}>$`, 'm')
		);
		expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
	});
});
