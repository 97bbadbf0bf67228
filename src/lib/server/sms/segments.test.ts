import { describe, expect, it } from 'vitest';
import { isolate } from '$lib/i18n';
import { fitSms, smsSegments } from './segments';

describe('SMS segments', () => {
	it('counts a plain Dutch text as GSM-7: 160 in one, 153 per part after that', () => {
		expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
		expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
		expect(smsSegments('a'.repeat(306)).segments).toBe(2);
		expect(smsSegments('a'.repeat(307)).segments).toBe(3);
		// ë is not in the GSM alphabet (é, ü and à are): one ë makes the whole text UCS-2.
		expect(smsSegments('Goede ideeën voor de buurt').encoding).toBe('ucs2');
		expect(smsSegments('Hoe ging het met Jan? é à ü ñ').encoding).toBe('gsm7');
	});

	it('counts the extension characters (€, brackets) twice', () => {
		expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
		expect(smsSegments('€'.repeat(81)).segments).toBe(2);
	});

	it('sends Turkish and Arabic as UCS-2: 70 in one, 67 per part', () => {
		const turkish = 'Yardım isteği için teşekkürler, şimdi ğ ı';
		expect(smsSegments(turkish).encoding).toBe('ucs2');
		expect(smsSegments('ş'.repeat(70)).segments).toBe(1);
		expect(smsSegments('ş'.repeat(71)).segments).toBe(2);
		expect(smsSegments('م'.repeat(134)).segments).toBe(2);
		expect(smsSegments('م'.repeat(135)).segments).toBe(3);
		// An emoji is two UTF-16 units.
		expect(smsSegments('🙂'.repeat(35))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
	});
});

describe('fitting an SMS with its link', () => {
	const link = 'https://naburig.example/s/Ab3dE9xY';

	it('keeps a short text whole', () => {
		expect(fitSms('Hoe ging het met Jan?', link)).toBe(`Hoe ging het met Jan? ${link}`);
	});

	it('cuts a long text at a word, never the link, within two parts', () => {
		const long = 'Dit is een heel lange tekst over de ladder die je leende. '.repeat(10);
		const sms = fitSms(long, link);
		expect(sms.endsWith(`... ${link}`)).toBe(true);
		expect(smsSegments(sms).segments).toBe(2);
		expect(sms.length).toBeGreaterThan(250);
	});

	it('cuts a Turkish text by UCS-2 limits', () => {
		const long = 'Komşunuz yardım etmek istiyor, lütfen bağlantıyı açın. '.repeat(6);
		const sms = fitSms(long, link);
		expect(smsSegments(sms)).toMatchObject({ encoding: 'ucs2', segments: 2 });
		expect(sms.endsWith(`… ${link}`)).toBe(true);
	});

	it('cuts an Arabic text with a Dutch title set apart by UCS-2 limits, the marks counted', () => {
		// The isolation marks around people's words are not GSM-7 and take a unit each.
		const title = isolate('Hulp bij boodschappen', 'ar');
		expect(smsSegments(title)).toEqual({ encoding: 'ucs2', units: 23, segments: 1 });
		const long = `طلب مساعدة جديد بالقرب منك: ${title}. `.repeat(5);
		const sms = fitSms(long, link);
		expect(smsSegments(sms)).toMatchObject({ encoding: 'ucs2', segments: 2 });
		expect(smsSegments(sms).units).toBeLessThanOrEqual(134);
		expect(sms.endsWith(`… ${link}`)).toBe(true);
		// The same title in a Dutch text is left as it is: the SMS stays in the cheap alphabet.
		expect(
			smsSegments(`Nieuwe hulpvraag: ${isolate('Hulp bij boodschappen', 'nl')}`).encoding
		).toBe('gsm7');
	});
});
