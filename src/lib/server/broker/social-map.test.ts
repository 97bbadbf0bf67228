import { describe, expect, it } from 'vitest';
import { parseOpeningHours } from './social-map';

describe('parseOpeningHours', () => {
	it('reads Dutch and English days and refuses nonsense', () => {
		expect(parseOpeningHours('ma 09:00-12:00, wed 13:00–16:00')).toEqual([
			{ day: 1, from: '09:00', to: '12:00' },
			{ day: 3, from: '13:00', to: '16:00' }
		]);
		expect(parseOpeningHours('')).toEqual([]);
		expect(parseOpeningHours('maandag heel de dag')).toBeNull();
		expect(parseOpeningHours('ma 12:00-09:00')).toBeNull();
	});
});
