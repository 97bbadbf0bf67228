import type * as Leaflet from 'leaflet';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isolate } from '$lib/i18n';
import type { DayPart } from '$lib/day-parts';
import type { PostKind } from '$lib/posts/choices';
import { bandText, whenText } from '$lib/posts/describe';
// Only the shape of the answer crosses over: the type is erased from the browser's code.
import type { Marker, PostMarker } from '$lib/server/posts/markers';
import type { L } from '$lib/components/map/leaflet';
import { markerChanges, markerContent, markerKey } from './marker-diff';

/** An element with text, never HTML: titles are written by residents. */
function el(tag: string, text: string, className = ''): HTMLElement {
	const e = document.createElement(tag);
	e.textContent = text;
	if (className) e.className = className;
	return e;
}

function withAttr(e: HTMLElement, name: string, value: string): HTMLElement {
	e.setAttribute(name, value);
	return e;
}

/** The letter or count inside a marker: hidden from screen readers, which read its title. */
function glyph(text: string): HTMLElement {
	const e = el('span', text);
	e.setAttribute('aria-hidden', 'true');
	return e;
}

/** Each kind's words, class and glyph on the map: the KindBadge's "?" and "+", the same in every language. */
const KIND_LOOK: Record<
	PostKind,
	{ card: () => string; title: (t: { title: string }) => string; className: string; glyph: string }
> = {
	request: {
		card: m.post_filter_requests,
		title: m.browse_marker_request,
		className: 'map-post map-request',
		glyph: '?'
	},
	offer: {
		card: m.post_filter_offers,
		title: m.browse_marker_offer,
		className: 'map-post map-offer',
		glyph: '+'
	}
};

function card(p: PostMarker): HTMLElement {
	const box = document.createElement('div');
	box.className = 'map-card';
	box.append(
		el('p', KIND_LOOK[p.kind].card(), 'font-semibold'),
		// The resident's own words: their direction, not the page's.
		withAttr(el('h3', p.title), 'dir', 'auto'),
		el('p', p.category),
		el(
			'p',
			whenText({
				whenType: p.whenType,
				whenDate: p.whenDate ?? null,
				whenFrom: p.whenFrom ?? null,
				whenTo: p.whenTo ?? null,
				recurringDay: p.recurringDay ?? null,
				recurringPart: (p.recurringPart as DayPart | undefined) ?? null
			})
		)
	);
	if (p.band) box.append(el('p', bandText(p.band)));
	const link = el('a', m.browse_open_post()) as HTMLAnchorElement;
	link.href = `/posts/${p.id}`;
	box.append(link);
	return box;
}

function createMarker(Lf: L, map: Leaflet.Map, mk: Marker): Leaflet.Marker {
	if (mk.type === 'cluster') {
		const title = m.browse_cluster_title({
			count: mk.count,
			requests: mk.requests,
			offers: mk.offers
		});
		const marker = Lf.marker([mk.lat, mk.lon], {
			title,
			alt: title,
			keyboard: true,
			icon: Lf.divIcon({
				className: 'map-cluster',
				html: glyph(String(mk.count)),
				iconSize: [44, 44]
			})
		});
		marker.on('click', () => map.setView([mk.lat, mk.lon], Math.min(map.getZoom() + 2, 18)));
		return marker;
	}
	const look = KIND_LOOK[mk.kind];
	const title = look.title({ title: isolate(mk.title, getLocale()) });
	const marker = Lf.marker([mk.lat, mk.lon], {
		title,
		alt: title,
		keyboard: true,
		icon: Lf.divIcon({
			className: look.className,
			html: glyph(look.glyph),
			iconSize: [44, 44]
		})
	});
	marker.bindPopup(card(mk));
	return marker;
}

/**
 * The markers of the posts on a map, updated by key: a marker that comes back in a new answer
 * is left alone, so a marker with focus or an open card is never taken away under the person.
 */
export function postsLayer(Lf: L, map: Leaflet.Map) {
	const group = Lf.layerGroup().addTo(map);
	const shown = new Map<string, { marker: Leaflet.Marker; content: string }>();
	let latest = new Set<string>();

	/** The markers the person is using: the one with focus and the one whose card is open. */
	const inUse = () => {
		const keys = new Set<string>();
		for (const [key, { marker }] of shown) {
			const icon = marker.getElement();
			if (marker.isPopupOpen() || (icon && icon.contains(document.activeElement))) keys.add(key);
		}
		return keys;
	};

	return {
		/** Shows these markers, keeping the ones already there. */
		show(next: Marker[]) {
			latest = new Set(next.map(markerKey));
			const contents = new Map([...shown].map(([key, s]) => [key, s.content]));
			const changes = markerChanges(contents, next, inUse());
			for (const key of changes.remove) {
				group.removeLayer(shown.get(key)!.marker);
				shown.delete(key);
			}
			for (const mk of changes.add) {
				const marker = createMarker(Lf, map, mk);
				group.addLayer(marker);
				shown.set(markerKey(mk), { marker, content: markerContent(mk) });
			}
		},
		/** Takes away what was kept only because it was in use, once it no longer is. */
		tidy() {
			const keep = inUse();
			for (const [key, { marker }] of shown)
				if (!latest.has(key) && !keep.has(key)) {
					group.removeLayer(marker);
					shown.delete(key);
				}
		}
	};
}
