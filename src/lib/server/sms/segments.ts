/**
 * How many SMS segments a text takes (3GPP TS 23.038). A text made only of the GSM 7-bit
 * alphabet goes as GSM-7: 160 characters in one SMS, 153 per part when it is split (the rest
 * of each part holds the header that joins them), and the extension characters (€, [, ], {, },
 * …) count twice. Any other character (Turkish ş, ğ, ı; Arabic; most emoji) sends the whole text
 * as UCS-2: 70 in one SMS, 67 per part, and characters beyond the basic plane count twice.
 */
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSize {
	encoding: SmsEncoding;
	/** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
	units: number;
	segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
	gsm7: { single: 160, part: 153 },
	ucs2: { single: 70, part: 67 }
};

/** Whether every character is in the GSM 7-bit alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
	for (const c of text) if (!basic.has(c) && !extension.has(c)) return false;
	return true;
}

export function smsSegments(text: string): SmsSize {
	const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
	let units = 0;
	if (encoding === 'gsm7') for (const c of text) units += extension.has(c) ? 2 : 1;
	else units = text.length; // UTF-16 code units: a character beyond the basic plane counts two
	const { single, part } = LIMITS[encoding];
	const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / part);
	return { encoding, units, segments };
}

/**
 * The SMS for a short text and its link: the text, a space, the link, in at most
 * `maxSegments` parts. A text too long is cut at a word and ends in an ellipsis; the link is
 * never cut (an SMS is sent for its link).
 */
export function fitSms(text: string, link: string | null, maxSegments = 2): string {
	const join = (t: string) => (link ? (t ? `${t} ${link}` : link) : t);
	const plain = text.replace(/\s+/g, ' ').trim();
	if (smsSegments(join(plain)).segments <= maxSegments) return join(plain);
	const ellipsis = isGsm7(plain) ? '...' : '…';
	const words = plain.split(' ');
	while (words.length > 0) {
		words.pop();
		const candidate = join(`${words.join(' ')}${ellipsis}`);
		if (words.length > 0 && smsSegments(candidate).segments <= maxSegments) return candidate;
	}
	// A single word longer than the space left: cut it by characters.
	const chars = [...plain];
	while (chars.length > 0) {
		chars.pop();
		const candidate = join(`${chars.join('')}${ellipsis}`);
		if (smsSegments(candidate).segments <= maxSegments) return candidate;
	}
	return join('');
}
