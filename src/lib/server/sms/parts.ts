import smpp from 'smpp';
import { smsSegments } from './segments';

/** SMPP data_coding: 0 the GSM 03.38 default alphabet, 8 UCS-2 (Turkish ğ/ş, Arabic, emoji). */
export type DataCoding = 0 | 8;

export interface SmsParts {
	dataCoding: DataCoding;
	/** Each submit_sm's short_message: the whole text, or a concatenation header and a piece. */
	parts: Buffer[];
}

// Room in one SMS (140 octets): 160 septets or 70 UCS-2 units alone; with the 6-octet header
// of a concatenated message 153 septets or 67 units.
const GSM_SINGLE = 160;
const GSM_PIECE = 153;
const UCS2_SINGLE = 140;
const UCS2_PIECE = 134;
const ESC = 0x1b;

/**
 * The short_message of each submit_sm for a text. Long texts go as concatenated SMS with a UDH
 * (IEI 0x00, 8-bit reference) in each part, not as one message_payload: message_payload is
 * optional in SMPP 3.4 and Dutch and Belgian SMSCs (operator and aggregator gateways alike)
 * answer it with ESME_RINVTLVSTREAM or cut it to 160 characters, while a UDH is passed to the
 * handset untouched by every one of them. `ref` (the outbox row's id) ties the parts together
 * and stays the same when a row is sent again, so a phone that got some parts joins the rest.
 * GSM-7 goes unpacked, one septet per octet, as SMPP carries data_coding 0.
 */
export function smsParts(text: string, ref: number): SmsParts {
	if (smsSegments(text).encoding === 'gsm7') {
		const bytes = smpp.gsmCoder.encode(text, 0);
		// An escape (€, [, ]…) is two septets that must stay in one part.
		return {
			dataCoding: 0,
			parts: split(
				bytes,
				GSM_SINGLE,
				GSM_PIECE,
				(b, end) => (b[end - 1] === ESC ? end - 1 : end),
				ref
			)
		};
	}
	const bytes = Buffer.from(text, 'utf16le').swap16();
	// A character outside the basic plane is a surrogate pair of two units: never split it.
	const keepPairs = (b: Buffer, end: number) => {
		const unit = b.readUInt16BE(end - 2);
		return unit >= 0xd800 && unit <= 0xdbff ? end - 2 : end;
	};
	return { dataCoding: 8, parts: split(bytes, UCS2_SINGLE, UCS2_PIECE, keepPairs, ref) };
}

function split(
	bytes: Buffer,
	single: number,
	piece: number,
	cut: (b: Buffer, end: number) => number,
	ref: number
): Buffer[] {
	if (bytes.length <= single) return [bytes];
	const pieces: Buffer[] = [];
	for (let start = 0; start < bytes.length;) {
		const end = start + piece >= bytes.length ? bytes.length : cut(bytes, start + piece);
		pieces.push(bytes.subarray(start, end));
		start = end;
	}
	return pieces.map((p, i) =>
		Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref & 0xff, pieces.length, i + 1]), p])
	);
}
