import { longDate } from '$lib/dates';
import { isolate } from '$lib/i18n';
import { numberText, textDirectionOf } from '$lib/intl';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { VolunteeringStatement } from './statement';

/**
 * The statement in the reader's language, sentence by sentence: the page and the downloaded
 * file show exactly these words, so they cannot tell different things.
 */
export interface StatementText {
	lang: Locale;
	dir: 'ltr' | 'rtl';
	title: string;
	intro: string;
	facts: { label: string; value: string }[];
	sections: { heading: string; lines: string[] }[];
	privacy: string;
}

/** "12,5 uur", "1 hour", "٣ ساعات": hours to one decimal, with the language's own unit word. */
export function hoursText(minutes: number, locale: string): string {
	return numberText(Math.round(minutes / 6) / 10, locale, {
		style: 'unit',
		unit: 'hour',
		unitDisplay: 'long',
		maximumFractionDigits: 1
	});
}

/** The statement's words in `locale`. */
export function statementText(s: VolunteeringStatement, locale: Locale): StatementText {
	const o = { locale };
	const date = (d: string) => longDate(d, locale, { weekday: false });
	const name = isolate(s.name, locale);
	const neighbourhood = isolate(s.neighbourhood, locale);

	const when: string[] = [];
	if (s.firstHelped && s.lastHelped)
		when.push(
			s.ongoing
				? m.statement_period_ongoing({ from: date(s.firstHelped) }, o)
				: m.statement_period({ from: date(s.firstHelped), to: date(s.lastHelped) }, o)
		);
	else when.push(m.statement_never({}, o));
	for (const y of s.years)
		if (y.times > 0) when.push(m.statement_year_times({ year: String(y.year), count: y.times }, o));

	const hours =
		s.minutes > 0
			? [
					m.statement_hours_total({ hours: hoursText(s.minutes, locale) }, o),
					...s.years
						.filter((y) => y.minutes > 0)
						.map((y) =>
							m.statement_hours_year(
								{ year: String(y.year), hours: hoursText(y.minutes, locale) },
								o
							)
						)
				]
			: [m.statement_hours_none({}, o)];

	const trainings = [
		...s.trainings.map((t) =>
			m.statement_training({ name: isolate(t.name, locale), date: date(t.date) }, o)
		),
		...s.badges.map((b) =>
			b.until
				? m.statement_badge_until(
						{ label: isolate(b.label, locale), date: date(b.date), until: date(b.until) },
						o
					)
				: m.statement_badge({ label: isolate(b.label, locale), date: date(b.date) }, o)
		)
	];

	return {
		lang: locale,
		dir: textDirectionOf(locale),
		title: m.statement_title({}, o),
		intro: m.statement_intro({ name, neighbourhood }, o),
		facts: [
			{ label: m.statement_name({}, o), value: name },
			{ label: m.statement_neighbourhood({}, o), value: neighbourhood },
			{ label: m.statement_made_on({}, o), value: date(s.today) }
		],
		sections: [
			{ heading: m.statement_when_heading({}, o), lines: when },
			{
				heading: m.statement_kinds_heading({}, o),
				lines:
					s.kinds.length > 0
						? s.kinds.map((k) => m.statement_kind_times({ kind: k.name, count: k.times }, o))
						: [m.statement_never({}, o)]
			},
			{ heading: m.statement_hours_heading({}, o), lines: hours },
			{
				heading: m.statement_trainings_heading({}, o),
				lines: trainings.length > 0 ? trainings : [m.statement_trainings_none({}, o)]
			},
			{
				heading: m.statement_gatherings_heading({}, o),
				lines: [
					s.gatheringsAttended > 0
						? m.statement_gatherings_count({ count: s.gatheringsAttended }, o)
						: m.statement_gatherings_none({}, o)
				]
			}
		],
		privacy: m.statement_privacy({}, o)
	};
}

const escape = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/**
 * The statement as one self-contained HTML file (no scripts, no links to fetch, its own small
 * style), to keep, print or send with a CV.
 */
export function statementHtml(t: StatementText): string {
	const e = escape;
	const facts = t.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('');
	const sections = t.sections
		.map(
			(s) =>
				`<section><h2>${e(s.heading)}</h2><ul>${s.lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul></section>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="${e(t.lang)}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<style>
body { font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
h2 { font-size: 1.25rem; margin-top: 1.5rem; }
@media print { body { margin: 0; font-size: 11pt; } }
</style>
</head>
<body>
<h1>${e(t.title)}</h1>
<p>${e(t.intro)}</p>
<dl>${facts}</dl>
${sections}
<p>${e(t.privacy)}</p>
</body>
</html>
`;
}
