/** A phone number as a `tel:` link wants it: digits and a leading +, no spaces, dots or brackets. */
export function telDigits(phone: string): string {
	return phone.replace(/[^\d+]/g, '');
}

/** The `tel:` link for a phone number as people write it. */
export function telHref(phone: string): string {
	return `tel:${telDigits(phone)}`;
}

/**
 * The country calling code for numbers written the national way (0470 11 22 33), from the
 * neighbourhood's time zone: the pilot is Belgian, and a Dutch neighbourhood writes 06 numbers.
 */
export function countryCodeFor(timeZone: string | null | undefined): string {
	return timeZone === 'Europe/Amsterdam' ? '31' : '32';
}

/**
 * The one way a phone number becomes E.164 (+32470112233), as SMS needs it and as numbers are
 * compared (a STOP reply comes from "32470112233", the profile says "0470 11 22 33"). Accepts
 * the ways Belgians and Dutch write numbers: spaces, dots, slashes, dashes, brackets, "+32 (0)…",
 * "0032…" and the national "0…" (taken as `countryCode`). Null when it cannot be a number.
 */
export function toE164(raw: string, countryCode: string): string | null {
	// "+32 (0)470…": the (0) is only said at home, never dialled from abroad.
	const compact = raw.replace(/\(0\)/g, '').replace(/[\s.()/-]/g, '');
	let digits: string;
	if (/^\+\d+$/.test(compact)) digits = compact.slice(1);
	else if (/^00\d+$/.test(compact)) digits = compact.slice(2);
	else if (/^0\d+$/.test(compact)) digits = countryCode + compact.slice(1);
	else return null;
	// E.164: at most 15 digits; a real subscriber number is never shorter than 8 with its code.
	if (digits.startsWith('0') || digits.length < 8 || digits.length > 15) return null;
	return `+${digits}`;
}
