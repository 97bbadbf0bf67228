import { describe, expect, it } from 'vitest';
import { distanceBand, distanceMetres } from './distance';

describe('distanceBand', () => {
	it('names distance bands', () => {
		expect([10, 499, 500, 999, 1999, 2000].map(distanceBand)).toEqual([
			500,
			500,
			1000,
			1000,
			2000,
			'far'
		]);
	});
});

describe('distanceMetres', () => {
	it('counts a degree of longitude shorter than one of latitude, by the latitude', () => {
		const here = { lat: 51.0336, lon: 4.4853 };
		// 0.001° of latitude is about 111 m anywhere; of longitude at 51° north, about 70 m.
		expect(distanceMetres(here, { lat: here.lat + 0.001, lon: here.lon })).toBeCloseTo(111.3, 1);
		expect(distanceMetres(here, { lat: here.lat, lon: here.lon + 0.001 })).toBeCloseTo(70.0, 0);
		expect(distanceMetres(here, here)).toBe(0);
	});
});
