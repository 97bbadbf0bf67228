// Serves the built site. Without ORIGIN, adapter-node assumes https, which would make every
// form on http://localhost fail its origin check; so for a plain local start the origin is
// http://localhost:<PORT>. Behind a proxy, set ORIGIN (or PROTOCOL_HEADER and HOST_HEADER).
process.env.PORT ||= '3000';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT}`;
}
// Room for a phone photo (up to 12 MB, src/lib/lending.ts); src/hooks.server.ts keeps other pages small.
process.env.BODY_SIZE_LIMIT ||= '20M';
// Our own http server around adapter-node's handler: it adds nosniff to static files too.
await import('./http-server.mjs');
