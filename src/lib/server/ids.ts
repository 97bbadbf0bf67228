import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** A random, URL-safe string with `bytes` bytes of entropy (base32, lower case). */
export function randomToken(bytes = 20): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

/** A short random id for rows that are referenced in URLs. */
export function newId(): string {
	return randomToken(12);
}

/** Hex SHA-256 of a string: how tokens are stored, so a database leak reveals no usable link. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
