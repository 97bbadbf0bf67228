import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

/**
 * A push service and a browser, in the test process: the browser's key pair and auth secret
 * are made as a browser makes them (P-256, 16 random bytes), and whatever the push service
 * receives is decrypted with them, so the encryption is checked for real. Tests only.
 */
export interface TestBrowser {
	ecdh: ECDH;
	auth: Buffer;
	/** What PushSubscription.toJSON() gives, for an endpoint path on the test service. */
	subscription(path: string): { endpoint: string; keys: { p256dh: string; auth: string } };
}

export interface ReceivedPush {
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface TestPushService {
	url: string;
	received: ReceivedPush[];
	/** The status the service answers on a path (default 201, as push services do). */
	answer(path: string, status: number): void;
	/** Resolves with the next push that arrives (or one already received) on the path. */
	next(path: string): Promise<ReceivedPush>;
	close(): Promise<void>;
}

/** Starts a push service on a free port of localhost. */
export async function startTestPushService(): Promise<TestPushService> {
	const received: ReceivedPush[] = [];
	const statuses = new Map<string, number>();
	const waiting: { path: string; resolve: (p: ReceivedPush) => void }[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const push = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
			received.push(push);
			for (const w of waiting.filter((w) => w.path === push.path)) {
				waiting.splice(waiting.indexOf(w), 1);
				w.resolve(push);
			}
			res.writeHead(statuses.get(push.path) ?? 201).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		answer: (path, status) => statuses.set(path, status),
		next: (path) => {
			const already = received.find((p) => p.path === path);
			if (already) return Promise.resolve(already);
			return new Promise((resolve) => waiting.push({ path, resolve }));
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** A browser's push keys. */
export function makeTestBrowser(serviceUrl: string): TestBrowser {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return {
		ecdh,
		auth,
		subscription: (path) => ({
			endpoint: `${serviceUrl}${path}`,
			keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') }
		})
	};
}

/** The push's payload as the browser decrypts it (aes128gcm: the sender's key is in the body). */
export function decryptPush(browser: TestBrowser, push: ReceivedPush): unknown {
	const plain = ece.decrypt(push.body, {
		version: 'aes128gcm',
		privateKey: browser.ecdh,
		authSecret: browser.auth
	});
	return JSON.parse(plain.toString('utf8'));
}
