import { tick } from 'svelte';
import type * as Leaflet from 'leaflet';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { textDirection } from '$lib/i18n';

export type L = typeof Leaflet;

/** Loads Leaflet in the browser only: the list views and the server never pay for it. */
export async function loadLeaflet(): Promise<L> {
	const [mod] = await Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]);
	return (mod.default ?? mod) as L;
}

export interface BaseMapOptions {
	centre: { lat: number; lon: number };
	zoom?: number;
	tileUrl: string;
	/** Label for the map region, read by screen readers. */
	label: string;
}

const OSM_ATTRIBUTION =
	'&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/** Text for an HTML attribute: the messages are ours, but quotes must not end the attribute. */
const attribute = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A map with tiles, attribution, keyboard panning and zoom buttons in the person's language
 * (dragging is never the only way: WCAG 2.5.7). Call `map.remove()` when the component goes away.
 */
export function createBaseMap(L: L, container: HTMLElement, o: BaseMapOptions): Leaflet.Map {
	const map = L.map(container, {
		keyboard: true,
		zoomControl: false,
		attributionControl: false
	}).setView([o.centre.lat, o.centre.lon], o.zoom ?? 16);
	// In a right-to-left page the zoom buttons sit where reading starts (top right) and the
	// credit at the end of the bottom line (left): the mirror of Leaflet's corners.
	const rtl = textDirection(getLocale()) === 'rtl';
	const start = rtl ? 'topright' : 'topleft';
	L.control
		.zoom({ zoomInTitle: m.map_zoom_in(), zoomOutTitle: m.map_zoom_out(), position: start })
		.addTo(map);
	// Leaflet's own credit, with its title in the page's language.
	const prefix = `<a href="https://leafletjs.com" title="${attribute(m.map_leaflet_title())}">Leaflet</a>`;
	L.control.attribution({ prefix, position: rtl ? 'bottomleft' : 'bottomright' }).addTo(map);
	L.tileLayer(o.tileUrl, { maxZoom: 19, attribution: OSM_ATTRIBUTION }).addTo(map);
	// Leaflet puts its buttons after the markers; the zoom buttons come first for Tab, as they
	// come first on the screen. The corner stays positioned against the map.
	const zoomCorner = container.querySelector(`.leaflet-top.leaflet-${rtl ? 'right' : 'left'}`);
	if (zoomCorner) container.prepend(zoomCorner);
	container.setAttribute('role', 'region');
	container.setAttribute('aria-label', o.label);
	keyboardPopups(map);
	return map;
}

/**
 * Resolves once the element comes within half a screen of the visible part of the page; `stop`
 * gives up waiting (the component went away).
 */
function nearViewport(el: HTMLElement): { ready: Promise<void>; stop: () => void } {
	let observer: IntersectionObserver | undefined;
	const ready = new Promise<void>((resolve) => {
		observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				observer?.disconnect();
				resolve();
			},
			{ rootMargin: '50% 0px' }
		);
		observer.observe(el);
	});
	return { ready, stop: () => observer?.disconnect() };
}

/**
 * A card (popup) that opens takes focus, so that Tab reaches its links next; Escape closes it,
 * and closing gives focus back to its marker instead of losing it to the page.
 */
function keyboardPopups(map: Leaflet.Map): void {
	const container = map.getContainer();
	/** What had focus when the card opened: the marker, chosen by Enter, click or tap. */
	let opener: Element | null = null;
	map.on('popupopen', (e) => {
		opener = document.activeElement;
		const box = e.popup.getElement();
		box
			?.querySelector('.leaflet-popup-close-button')
			?.setAttribute('aria-label', m.map_close_card());
		const target =
			box?.querySelector<HTMLElement>('h2, h3, h4') ??
			box?.querySelector<HTMLElement>('.leaflet-popup-content');
		if (!target) return;
		target.tabIndex = -1;
		// The card is still moving into view: the map, not the browser, decides what shows.
		target.focus({ preventScroll: true });
	});
	map.on('popupclose', (e) => {
		const active = document.activeElement;
		const inCard = !active || active === document.body || e.popup.getElement()?.contains(active);
		if (!inCard) return;
		const back = opener instanceof HTMLElement && opener.isConnected ? opener : container;
		back.focus({ preventScroll: true });
	});
	// Leaflet closes a card with Escape only while the map itself has focus.
	container.addEventListener('keydown', (k) => {
		if (k.key !== 'Escape' || !(k.target as Element).closest('.leaflet-popup')) return;
		k.preventDefault();
		map.closePopup();
	});
}

/**
 * The life of a map in a component, for use inside `onMount` after the container is shown:
 * waits for the container to render (and with `whenNear`, for the person to scroll near it: a
 * map far down a form costs a phone nothing until then), loads Leaflet, builds the base map, lets
 * `setup` add its layers, and returns the clean-up that removes the map (also when unmounted
 * while loading).
 */
export function mountMap(
	getContainer: () => HTMLElement | undefined,
	options: () => BaseMapOptions,
	setup: (L: L, map: Leaflet.Map) => void,
	{ whenNear = false } = {}
): () => void {
	let map: Leaflet.Map | undefined;
	let destroyed = false;
	let stopWaiting: (() => void) | undefined;
	void (async () => {
		await tick();
		const waiting = getContainer();
		if (whenNear && waiting) {
			const near = nearViewport(waiting);
			stopWaiting = near.stop;
			await near.ready;
		}
		if (destroyed) return;
		const L = await loadLeaflet();
		const container = getContainer();
		if (destroyed || !container) return;
		map = createBaseMap(L, container, options());
		setup(L, map);
	})();
	return () => {
		destroyed = true;
		stopWaiting?.();
		map?.remove();
	};
}
