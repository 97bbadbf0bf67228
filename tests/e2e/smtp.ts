import { simpleParser } from 'mailparser';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

/** Every mail the test SMTP server receives, one JSON object per line. */
export const MAIL_DROP = '.e2e/mails.jsonl';

export interface ReceivedMail {
	to: string[];
	subject: string;
	text: string;
	html: string;
	messageId: string;
	receivedAt: number;
}

/** A real SMTP server on localhost that writes each mail it receives to MAIL_DROP. */
export function startTestSmtpServer(port: number, drop = MAIL_DROP): Promise<SMTPServer> {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const mail: ReceivedMail = {
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						messageId: parsed.messageId ?? '',
						receivedAt: Date.now()
					};
					appendFileSync(drop, JSON.stringify(mail) + '\n');
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

/** All mails received so far. */
export function readMails(drop = MAIL_DROP): ReceivedMail[] {
	if (!existsSync(drop)) return [];
	return readFileSync(drop, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as ReceivedMail);
}

/** Waits until a mail to `to` (and matching `subject`, if given) arrives; returns the newest. */
export async function waitForMail(
	to: string,
	options: { subject?: RegExp; text?: string; timeoutMs?: number; after?: number } = {}
): Promise<ReceivedMail> {
	const deadline = Date.now() + (options.timeoutMs ?? 15_000);
	const after = options.after ?? 0;
	for (;;) {
		const found = readMails()
			.filter((m) => m.to.includes(to.toLowerCase()) && m.receivedAt >= after)
			.filter((m) => !options.subject || options.subject.test(m.subject))
			.filter((m) => !options.text || m.text.includes(options.text));
		if (found.length) return found[found.length - 1]!;
		if (Date.now() > deadline)
			throw new Error(`No mail to ${to} matching ${options.subject ?? 'anything'} arrived`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** The first link in a mail's text whose path matches. */
export function linkIn(mail: ReceivedMail, path: RegExp): string {
	const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => path.test(new URL(u).pathname));
	if (!url) throw new Error(`No link matching ${path} in mail "${mail.subject}"`);
	return url;
}
