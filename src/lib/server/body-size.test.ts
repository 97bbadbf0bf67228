import { describe, expect, it } from 'vitest';
import { bodyTooLarge } from './body-size';

describe('request body limits', () => {
	const MB = 1024 * 1024;

	it('leaves the photo pages to answer large bodies themselves, beside the photo field', () => {
		expect(bodyTooLarge('/(desk)/desk/tools/[id=int]/photos', String(6 * MB))).toBe(false);
		expect(bodyTooLarge('/(desk)/desk/loans/[id=int]', String(15 * MB))).toBe(false);
	});

	it('keeps every other page to half a megabyte', () => {
		expect(bodyTooLarge('/(auth)/sign-in', String(600 * 1024))).toBe(true);
		expect(bodyTooLarge('/(auth)/sign-in', String(400 * 1024))).toBe(false);
		expect(bodyTooLarge(null, String(6 * MB))).toBe(true);
		expect(bodyTooLarge('/(auth)/sign-in', null)).toBe(false);
	});
});
