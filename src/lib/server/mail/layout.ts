import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { textDirection } from '$lib/i18n';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

export interface MailContent {
	locale: Locale;
	subject: string;
	greeting: string;
	paragraphs: string[];
	/** Items that each link somewhere (e.g. the requests of an alert), after the paragraphs. */
	list?: { text: string; url: string }[];
	action?: { label: string; url: string };
	/** A closing line, e.g. "If you did not ask for this, ignore this mail." */
	after?: string;
	/** Small links under the signature, e.g. the settings and "stop these messages". */
	footer?: { text: string; url: string }[];
}

const escape = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** Builds a plain-text and an HTML version of one mail, in large, calm type. */
export function renderMail(c: MailContent): RenderedMail {
	const signature = m.mail_signature({}, { locale: c.locale });
	const text = [
		c.greeting,
		'',
		...c.paragraphs.flatMap((p) => [p, '']),
		...(c.list ?? []).flatMap((i) => [`- ${i.text}`, `  ${i.url}`, '']),
		...(c.action ? [`${c.action.label}:`, c.action.url, ''] : []),
		...(c.after ? [c.after, ''] : []),
		signature,
		...(c.footer?.length ? ['', ...c.footer.map((f) => `${f.text}: ${f.url}`)] : [])
	].join('\n');
	// dir on both html and body: some mail programs keep only the body. Alignment is spelt out
	// as left or right, as older mail programs know neither text-align:start nor padding-inline.
	const dir = textDirection(c.locale);
	const start = dir === 'rtl' ? 'right' : 'left';
	const list = c.list?.length
		? `<ul style="padding-${start}:20px">${c.list.map((i) => `<li style="margin:8px 0"><a href="${escape(i.url)}">${escape(i.text)}</a></li>`).join('')}</ul>`
		: '';
	const footer = c.footer?.length
		? `<p style="font-size:15px;color:#444">${c.footer.map((f) => `<a href="${escape(f.url)}">${escape(f.text)}</a>`).join(' · ')}</p>`
		: '';
	const button = c.action
		? `<p style="margin:28px 0"><a href="${escape(c.action.url)}" style="background:#1d4ed8;color:#fff;padding:14px 22px;border-radius:8px;text-decoration:none;font-size:20px;display:inline-block">${escape(c.action.label)}</a></p><p style="font-size:15px;color:#444">${escape(m.mail_link_fallback({}, { locale: c.locale }))}<br><a href="${escape(c.action.url)}">${escape(c.action.url)}</a></p>`
		: '';
	const html = `<!doctype html><html lang="${c.locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(c.subject)}</title></head><body dir="${dir}" style="text-align:${start};font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;color:#111;max-width:600px;margin:0 auto;padding:16px"><p>${escape(c.greeting)}</p>${c.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}${list}${button}${c.after ? `<p>${escape(c.after)}</p>` : ''}<p style="white-space:pre-line">${escape(signature)}</p>${footer}</body></html>`;
	return { subject: c.subject, text, html };
}
