import type * as Leaflet from 'leaflet';

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
 * A map with tiles, attribution, and the zoom buttons (dragging is never the only way: WCAG 2.5.7).
 * Call `map.remove()` when the component goes away.
 */
export function createBaseMap(L: L, container: HTMLElement, o: BaseMapOptions): Leaflet.Map {
	const map = L.map(container, { keyboard: true, zoomControl: true }).setView(
		[o.centre.lat, o.centre.lon],
		o.zoom ?? 16
	);
	L.tileLayer(o.tileUrl, { maxZoom: 19, attribution: OSM_ATTRIBUTION }).addTo(map);
	container.setAttribute('role', 'region');
	container.setAttribute('aria-label', o.label);
	return map;
}
