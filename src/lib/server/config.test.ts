import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPublicSite, loadConfig } from './config';

afterEach(() => vi.restoreAllMocks());

describe('configuration from the environment', () => {
	it('has working defaults for a fresh machine', () => {
		const config = loadConfig({});
		expect(config.DATABASE_URL).toBe('./data/naburig.db');
		expect(config.SMTP_URL).toBeUndefined();
		expect(config.DEMO).toBeUndefined();
		expect(config.PUBLIC_TILE_URL).toContain('{z}');
	});

	it('reads flags and treats empty variables as unset', () => {
		const config = loadConfig({ DEMO: '0', SMTP_URL: '' });
		expect(config.DEMO).toBe(false);
		expect(config.SMTP_URL).toBeUndefined();
		expect(loadConfig({ DEMO: 'yes' }).DEMO).toBe(true);
	});

	it('stops with a clear message when a value is wrong', () => {
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
			throw new Error('exit');
		}) as never);
		const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(() => loadConfig({ SMTP_URL: 'mail.example.org', DEMO: 'maybe' })).toThrow('exit');
		expect(exit).toHaveBeenCalledWith(1);
		const message = String(printed.mock.calls[0]?.[0]);
		expect(message).toContain('SMTP_URL: must start with smtp://');
		expect(message).toContain('DEMO');
	});
});

describe('the test clock', () => {
	it('is allowed on a local test server and refused in production or on a public origin', () => {
		expect(loadConfig({ TEST_CLOCK: '1', ORIGIN: 'http://localhost:4174' }).TEST_CLOCK).toBe(true);
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
			throw new Error('exit');
		}) as never);
		const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(() => loadConfig({ TEST_CLOCK: '1', ORIGIN: 'https://buurt.example.org' })).toThrow(
			'exit'
		);
		expect(() =>
			loadConfig({ TEST_CLOCK: '1', ORIGIN: 'http://localhost:3000', NODE_ENV: 'production' })
		).toThrow('exit');
		expect(() => loadConfig({ TEST_CLOCK: '1' })).toThrow('exit');
		expect(exit).toHaveBeenCalledTimes(3);
		expect(String(printed.mock.calls[0]?.[0])).toContain('TEST_CLOCK');
	});
});

describe('backups and the kind of site', () => {
	it('backs up into ./data/backups by default and refuses a retention it cannot read', () => {
		expect(loadConfig({})).toMatchObject({
			BACKUP_DIR: './data/backups',
			BACKUP_KEEP: '7d,4w,12m'
		});
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
			throw new Error('exit');
		}) as never);
		const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(() => loadConfig({ BACKUP_KEEP: '7 days' })).toThrow('exit');
		expect(String(printed.mock.calls[0]?.[0])).toContain('BACKUP_KEEP: must look like 7d,4w,12m');
		expect(exit).toHaveBeenCalledWith(1);
	});

	it('tells a public site from a local trial', () => {
		expect(isPublicSite(loadConfig({ ORIGIN: 'http://localhost:3000' }))).toBe(false);
		expect(isPublicSite(loadConfig({ ORIGIN: 'http://[::1]:3000' }))).toBe(false);
		expect(isPublicSite(loadConfig({ ORIGIN: 'https://buurt.example.org' }))).toBe(true);
		expect(isPublicSite(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
		expect(isPublicSite(loadConfig({ PROTOCOL_HEADER: 'x-forwarded-proto' }))).toBe(true);
	});
});

describe('SMS settings', () => {
	it('takes an SMPP address and a sender name or number', () => {
		expect(loadConfig({}).SMS_FROM).toBe('Naburig');
		const c = loadConfig({
			SMS_URL: 'smpp://buurt:geheim@smpp.example.be:2775',
			SMS_FROM: '+32470123456'
		});
		expect(c).toMatchObject({
			SMS_URL: 'smpp://buurt:geheim@smpp.example.be:2775',
			SMS_FROM: '+32470123456'
		});
		expect(
			loadConfig({ SMS_URL: 'ssmpp://buurt:x@smpp.example.be', SMS_FROM: 'Buurt Oud' }).SMS_FROM
		).toBe('Buurt Oud');
	});

	it('names the variable when the address or the sender is wrong', () => {
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
			throw new Error('exit');
		}) as never);
		const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(() =>
			loadConfig({ SMS_URL: 'smpp://smpp.example.be:2775', SMS_FROM: 'Buurthuis Oud-Oefenplein' })
		).toThrow('exit');
		expect(exit).toHaveBeenCalledWith(1);
		const message = String(printed.mock.calls[0]?.[0]);
		expect(message).toContain('SMS_URL: must look like smpp://system_id:password@host:2775');
		expect(message).toContain('SMS_FROM: must be a sender name of at most 11');
	});
});
