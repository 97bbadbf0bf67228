/** A phone number as a `tel:` link wants it: digits and a leading +, no spaces, dots or brackets. */
export function telDigits(phone: string): string {
	return phone.replace(/[^\d+]/g, '');
}

/** The `tel:` link for a phone number as people write it. */
export function telHref(phone: string): string {
	return `tel:${telDigits(phone)}`;
}
