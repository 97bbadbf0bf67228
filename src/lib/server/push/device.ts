/**
 * What a person calls a device: the browser and the system, read from the User-Agent when the
 * subscription is saved ("Chrome" and "Android"). Names of products, never translated; the page
 * puts them in a sentence of the reader's language. Empty when not recognised.
 */
export interface Device {
	browser: string;
	system: string;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
	[/EdgA?\/|EdgiOS\//, 'Edge'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/OPR\/|Opera/, 'Opera'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
	[/Safari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/Android/, 'Android'],
	[/iPhone/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/CrOS/, 'ChromeOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/Linux/, 'Linux']
];

/** The browser and system a User-Agent names. */
export function deviceOf(userAgent: string | null): Device {
	const ua = userAgent ?? '';
	return {
		browser: BROWSERS.find(([re]) => re.test(ua))?.[1] ?? '',
		system: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? ''
	};
}

/** How a device is kept in `push_subscriptions.label`: "Chrome/Android". */
export function deviceLabel(device: Device): string {
	return `${device.browser}/${device.system}`;
}

/** The stored label read back. */
export function parseDeviceLabel(label: string): Device {
	const [browser = '', system = ''] = label.split('/');
	return { browser, system };
}
