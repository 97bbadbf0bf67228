import { describe, expect, it } from 'vitest';
import { intakePrefill } from './intake';

describe('intakePrefill', () => {
	it('carries a searched name into the name field', () => {
		expect(intakePrefill('  Rosalie   Peeters ')).toEqual({ displayName: 'Rosalie Peeters' });
	});

	it('carries a searched phone number into the phone field', () => {
		expect(intakePrefill('03 321 54 76')).toEqual({ phone: '03 321 54 76' });
		expect(intakePrefill('+32 (0)470/11.22-33')).toEqual({ phone: '+32 (0)470/11.22-33' });
	});

	it('leaves out what is neither: a street with a number, an e-mail address, a few digits', () => {
		expect(intakePrefill('Kazernestraat 41')).toEqual({});
		expect(intakePrefill('rosa@example.org')).toEqual({});
		expect(intakePrefill('0470')).toEqual({});
		expect(intakePrefill('   ')).toEqual({});
	});

	it('never gives more than the fields take', () => {
		expect(intakePrefill('a'.repeat(100)).displayName).toHaveLength(80);
	});
});
