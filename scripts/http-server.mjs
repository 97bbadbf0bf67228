// Serves the built site as adapter-node's build/index.js does, through its build/handler.js, with
// one addition: every response, static files included, says X-Content-Type-Options: nosniff.
// adapter-node serves files from build/client with sirv before SvelteKit's hooks run, so the
// hooks cannot add it there. build/handler.js still reads ORIGIN, BODY_SIZE_LIMIT,
// ADDRESS_HEADER, XFF_DEPTH, PROTOCOL_HEADER and HOST_HEADER itself; this file reads PORT, HOST,
// SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT as index.js does (not SOCKET_PATH or
// systemd socket activation, which this site does not use).
import http from 'node:http';
import process from 'node:process';
import { handler } from '../build/handler.js';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const seconds = (name, fallback) =>
	process.env[name] ? Number(process.env[name]) * 1000 : fallback;

const server = http.createServer((req, res) => {
	res.setHeader('x-content-type-options', 'nosniff');
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not Found');
	});
});
server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT', server.keepAliveTimeout);
server.headersTimeout = seconds('HEADERS_TIMEOUT', server.headersTimeout);

/** @type {NodeJS.Timeout | undefined} */
let forceClose;

// As index.js: stop taking requests, let open ones finish, then tell the app (hooks.server.ts
// stops its jobs and closes the database on 'sveltekit:shutdown').
function shutdown(reason) {
	if (forceClose) return;
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(forceClose);
		process.emit('sveltekit:shutdown', reason);
	});
	forceClose = setTimeout(() => server.closeAllConnections(), seconds('SHUTDOWN_TIMEOUT', 30_000));
}

server.on('request', (req) => {
	// Connections kept alive close as soon as their request is done once shutting down.
	req.on('close', () => forceClose && server.closeIdleConnections());
});
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

server.listen({ host, port }, () => console.log(`Listening on http://${host}:${port}`));
