import { createServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
	url: string;
	/** Message-IDs of the mails the server accepted, in order. */
	accepted: string[];
	/** The accepted mails as they arrived (headers and body), in the same order. */
	raw: string[];
	close(): Promise<void>;
}

/**
 * A real SMTP server on a free localhost port for unit tests. `decide` may answer a mail with an
 * error (rejected), or 'hang' to never answer it (a delivery cut off by a crash).
 */
export async function startTestSmtp(
	decide: (n: number, messageId: string) => 'accept' | 'reject' | 'hang' = () => 'accept'
): Promise<TestSmtp> {
	const accepted: string[] = [];
	const received: string[] = [];
	let n = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		// Connections left hanging on purpose are cut when the test ends.
		closeTimeout: 100,
		onData(stream, _session, callback) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				const messageId = /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
				const verdict = decide(++n, messageId);
				if (verdict === 'hang') return;
				if (verdict === 'reject') {
					const err = new Error('Try again later') as Error & { responseCode: number };
					err.responseCode = 451;
					return callback(err);
				}
				accepted.push(messageId);
				received.push(raw);
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		accepted,
		raw: received,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/**
 * A mail server that accepts connections and never says a word (no greeting): what a stuck or
 * overloaded server looks like to the sender.
 */
export async function startSilentSmtp(): Promise<Pick<TestSmtp, 'url' | 'close'>> {
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				sockets.forEach((s) => s.destroy());
				server.close(() => resolve());
			})
	};
}
