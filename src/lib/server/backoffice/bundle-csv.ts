import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { SignalTheme } from '$lib/signals/kinds';
import type { BundleTheme } from './bundle';

const THEME: Record<SignalTheme, (o: { locale: Locale }) => string> = {
	loneliness: (o) => m.bundle_theme_loneliness({}, o),
	care: (o) => m.bundle_theme_care({}, o),
	money: (o) => m.bundle_theme_money({}, o),
	housing: (o) => m.bundle_theme_housing({}, o),
	mobility: (o) => m.bundle_theme_mobility({}, o),
	safety: (o) => m.bundle_theme_safety({}, o),
	language: (o) => m.bundle_theme_language({}, o),
	digital: (o) => m.bundle_theme_digital({}, o),
	services: (o) => m.bundle_theme_services({}, o),
	other: (o) => m.bundle_theme_other({}, o)
};

/** The bundle as CSV rows in the reader's language: one row per summary. */
export function bundleRows(themes: BundleTheme[], locale: Locale): string[][] {
	const o = { locale };
	return [
		[
			m.bundle_csv_theme({}, o),
			m.bundle_csv_kind({}, o),
			m.bundle_csv_summary({}, o),
			m.bundle_csv_action({}, o)
		],
		...themes.flatMap((t) =>
			t.items.map((i) => [
				THEME[t.theme](o),
				i.kind === 'service'
					? m.intake_signal_kind_service({}, o)
					: m.intake_signal_kind_policy({}, o),
				i.summary,
				i.action
			])
		)
	];
}
