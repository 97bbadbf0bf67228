import { mkdirSync, rmSync } from 'node:fs';
import { startTestSmtpServer, MAIL_DROP } from './smtp';

/** Starts a real SMTP server for the whole run; the site sends all its mail there. */
export default async function globalSetup() {
	mkdirSync('.e2e', { recursive: true });
	rmSync(MAIL_DROP, { force: true });
	const server = await startTestSmtpServer(Number(process.env.E2E_SMTP_PORT ?? 2525));
	return async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
}
