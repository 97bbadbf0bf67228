import { describe, expect, it } from 'vitest';
import type { Service } from '../db/schema';
import { openingText, parseOpeningHours } from './social-map';

describe('parseOpeningHours', () => {
	it('reads Dutch and English days and refuses nonsense', () => {
		expect(parseOpeningHours('ma 09:00-12:00, wed 13:00–16:00')).toEqual([
			{ day: 1, from: '09:00', to: '12:00' },
			{ day: 3, from: '13:00', to: '16:00' }
		]);
		expect(parseOpeningHours('')).toEqual([]);
		expect(parseOpeningHours('maandag heel de dag')).toBeNull();
		expect(parseOpeningHours('ma 12:00-09:00')).toBeNull();
		expect(parseOpeningHours('xy 09:00-12:00')).toBeNull();
	});

	it('reads the days in French, Turkish and Arabic, short or long, as a broker types them', () => {
		expect(parseOpeningHours('lun. 09:00-12:00, Mercredi 13:00-16:00')).toEqual([
			{ day: 1, from: '09:00', to: '12:00' },
			{ day: 3, from: '13:00', to: '16:00' }
		]);
		expect(parseOpeningHours('Pzt 09:00-12:00, Çarşamba 13:00-16:00, cmt 10:00-11:00')).toEqual([
			{ day: 1, from: '09:00', to: '12:00' },
			{ day: 3, from: '13:00', to: '16:00' },
			{ day: 6, from: '10:00', to: '11:00' }
		]);
		expect(parseOpeningHours('الاثنين 09:00-12:00، الجمعة 13:00-16:00')).toEqual([
			{ day: 1, from: '09:00', to: '12:00' },
			{ day: 5, from: '13:00', to: '16:00' }
		]);
	});

	it('shows the hours again in the broker’s language, and reads them back the same', () => {
		const service = {
			openingHours: JSON.stringify([
				{ day: 1, from: '09:00', to: '12:00' },
				{ day: 3, from: '13:00', to: '16:00' }
			])
		} as Service;
		expect(openingText(service, 'nl')).toBe('ma 09:00-12:00, wo 13:00-16:00');
		for (const locale of ['nl', 'en', 'fr', 'tr', 'ar'] as const)
			expect(parseOpeningHours(openingText(service, locale)), locale).toEqual(
				JSON.parse(service.openingHours)
			);
	});
});
