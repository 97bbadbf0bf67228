import { tick } from 'svelte';
import type * as Leaflet from 'leaflet';
import { m } from '$lib/paraglide/messages.js';

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

/**
 * A map with tiles, attribution, keyboard panning and zoom buttons in the person's language
 * (dragging is never the only way: WCAG 2.5.7). Call `map.remove()` when the component goes away.
 */
export function createBaseMap(L: L, container: HTMLElement, o: BaseMapOptions): Leaflet.Map {
	const map = L.map(container, { keyboard: true, zoomControl: false }).setView(
		[o.centre.lat, o.centre.lon],
		o.zoom ?? 16
	);
	L.control.zoom({ zoomInTitle: m.map_zoom_in(), zoomOutTitle: m.map_zoom_out() }).addTo(map);
	L.tileLayer(o.tileUrl, { maxZoom: 19, attribution: OSM_ATTRIBUTION }).addTo(map);
	container.setAttribute('role', 'region');
	container.setAttribute('aria-label', o.label);
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
