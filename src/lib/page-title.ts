import { m } from '$lib/paraglide/messages.js';

/**
 * The words of a page's <title>: "Aanmelden – Naburig", or the site's name and tagline for the
 * home page. One place, so the error summary's "Fout: " title matches the page's own.
 */
export function pageTitle(title?: string): string {
	return title ? `${title} – ${m.site_name()}` : `${m.site_name()} – ${m.site_tagline()}`;
}
