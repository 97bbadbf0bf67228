/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { baseLocale, cookieName, isLocale, locales, type Locale } from '$lib/paraglide/runtime.js';
import { textDirection } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';

/**
 * The site's service worker does two things only (see README, "Installable site and push"):
 * it shows push messages, and when a page cannot be loaded for want of a network it answers a
 * small "you are offline" page, written here from the message files. It caches nothing: every
 * page comes from the server, so nobody ever sees old data.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

/** Chromium's static routing (ServiceWorker static routing API); other browsers lack it. */
type RoutingInstallEvent = ExtendableEvent & {
	addRoutes?: (rules: object) => Promise<void>;
};

sw.addEventListener('install', (event: RoutingInstallEvent) => {
	// Where the browser can: everything but opening a page (scripts, styles, images, data, sent
	// forms) goes straight to the network without waking this worker, as if it were not there. Only an optimisation: a browser
	// that refuses the rule still works through the fetch handler below.
	event.waitUntil(
		event
			.addRoutes?.({
				condition: {
					or: [{ not: { requestMode: 'navigate' } }, { not: { requestMethod: 'GET' } }]
				},
				source: 'network'
			})
			.catch((e: unknown) => console.warn('static routing refused', e)) ?? Promise.resolve()
	);
	void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
	// Navigation preload: the page is asked for while this worker starts, so it adds no delay.
	event.waitUntil(Promise.all([sw.clients.claim(), sw.registration.navigationPreload?.enable()]));
});

sw.addEventListener('fetch', (event) => {
	// Everything else goes to the network as if there were no service worker.
	if (event.request.mode !== 'navigate' || event.request.method !== 'GET') return;
	event.respondWith(
		(async () => {
			try {
				const preloaded = (await event.preloadResponse) as Response | undefined;
				return preloaded ?? (await fetch(event.request));
			} catch {
				// Only a failed network ends here; an error page from the server is passed on above.
				return offlinePage(event.request.url, await readerLocale());
			}
		})()
	);
});

/** What src/lib/server/push/transport.ts sends. */
interface PushMessage {
	title: string;
	body: string;
	url: string | null;
	tag: string;
}

sw.addEventListener('push', (event) => {
	event.waitUntil(
		readerLocale().then((locale) => {
			const message = readPush(event.data, locale);
			return sw.registration.showNotification(message.title, {
				body: message.body,
				tag: message.tag,
				icon: '/icon-192.png',
				badge: '/icon-192.png',
				data: { url: message.url }
			});
		})
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = ownUrl((event.notification.data as { url?: unknown } | null)?.url);
	event.waitUntil(openOrFocus(url));
});

function readPush(data: PushMessageData | null, locale: Locale): PushMessage {
	try {
		const parsed = data?.json() as Partial<PushMessage>;
		return {
			title: String(parsed.title ?? m.site_name({}, { locale })),
			body: String(parsed.body ?? ''),
			url: typeof parsed.url === 'string' ? parsed.url : null,
			tag: String(parsed.tag ?? '')
		};
	} catch {
		return {
			title: m.site_name({}, { locale }),
			body: data?.text() ?? '',
			url: null,
			tag: ''
		};
	}
}

/** A link on this site, or its home page: a message never opens another site. */
function ownUrl(url: unknown): string {
	const home = new URL('/', sw.location.origin).href;
	if (typeof url !== 'string') return home;
	try {
		const parsed = new URL(url, sw.location.origin);
		return parsed.origin === sw.location.origin ? parsed.href : home;
	} catch {
		return home;
	}
}

/** Focuses a tab of the site (showing the message's page), or opens one. */
async function openOrFocus(url: string): Promise<void> {
	const tabs = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const same = tabs.find((t) => t.url === url);
	if (same) {
		await same.focus();
		return;
	}
	const tab = tabs.find((t) => new URL(t.url).origin === sw.location.origin);
	if (tab) {
		const focused = await tab.focus();
		await focused.navigate(url).catch(() => sw.clients.openWindow(url));
		return;
	}
	await sw.clients.openWindow(url);
}

/** The Cookie Store API (Chromium, Safari 18.4, Firefox 140), not yet in TypeScript's lib. */
type CookieStore = { get(name: string): Promise<{ value: string } | null | undefined> };

/**
 * The language the person chose on the site (its cookie, readable here through the Cookie
 * Store), else the browser's first language that the site speaks, else Dutch.
 */
async function readerLocale(): Promise<Locale> {
	const store = (sw as unknown as { cookieStore?: CookieStore }).cookieStore;
	const chosen = await store?.get(cookieName).catch(() => null);
	if (chosen && isLocale(chosen.value)) return chosen.value;
	for (const language of navigator.languages ?? []) {
		const code = language.toLowerCase().split('-')[0];
		const found = locales.find((l) => l === code);
		if (found) return found;
	}
	return baseLocale;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function offlinePage(url: string, locale: Locale): Response {
	const title = m.push_offline_title({}, { locale });
	const html = `<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – ${escape(m.site_name({}, { locale }))}</title>
<style>
body { font: 1.25rem/1.6 system-ui, sans-serif; margin: 0; padding: 2rem 1.25rem; color: #1c1917; }
main { max-width: 36rem; margin: 0 auto; }
h1 { font-size: 1.75rem; line-height: 1.25; }
a { display: inline-flex; align-items: center; min-height: 44px; padding: 0.6rem 1.2rem; border-radius: 0.5rem;
	background: #1d4ed8; color: #fff; font-weight: 600; text-decoration: none; }
a:focus-visible { outline: 4px solid #1c1917; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>${escape(m.push_offline_text({}, { locale }))}</p>
<p><a href="${escape(url)}">${escape(m.push_offline_retry({}, { locale }))}</a></p>
</main>
</body>
</html>`;
	return new Response(html, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			// The page has no script; it needs nothing but its own inline style.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"
		}
	});
}
