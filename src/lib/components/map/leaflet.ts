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
 * The life of a map in a component, for use inside `onMount` after the container is shown:
 * waits for the container to render, loads Leaflet, builds the base map, lets `setup` add its
 * layers, and returns the clean-up that removes the map (also when unmounted while loading).
 */
export function mountMap(
	getContainer: () => HTMLElement | undefined,
	options: () => BaseMapOptions,
	setup: (L: L, map: Leaflet.Map) => void
): () => void {
	let map: Leaflet.Map | undefined;
	let destroyed = false;
	void (async () => {
		await tick();
		const L = await loadLeaflet();
		const container = getContainer();
		if (destroyed || !container) return;
		map = createBaseMap(L, container, options());
		setup(L, map);
	})();
	return () => {
		destroyed = true;
		map?.remove();
	};
}
