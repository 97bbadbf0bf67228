// http_ece (RFC 8188, used by the tests to decrypt what a push service receives) has no types.
declare module 'http_ece' {
	import type { ECDH } from 'node:crypto';
	interface Params {
		version: 'aes128gcm' | 'aesgcm' | 'aesgcm128';
		privateKey?: ECDH;
		dh?: string | Buffer;
		authSecret?: string | Buffer;
		key?: string | Buffer;
		salt?: string | Buffer;
	}
	export function decrypt(buffer: Buffer, params: Params): Buffer;
	export function encrypt(buffer: Buffer, params: Params): Buffer;
	const ece: { decrypt: typeof decrypt; encrypt: typeof encrypt };
	export default ece;
}
