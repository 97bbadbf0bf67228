/** [lat, lon], the order Leaflet uses (GeoJSON itself writes [lon, lat]). */
export type LatLon = [number, number];

function ring(value: unknown): LatLon[] | null {
	if (!Array.isArray(value)) return null;
	const corners: LatLon[] = [];
	for (const p of value) {
		if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
		corners.push([p[1], p[0]]);
	}
	const [first, last] = [corners[0], corners[corners.length - 1]];
	if (first && last && corners.length > 1 && first[0] === last[0] && first[1] === last[1])
		corners.pop();
	return corners.length >= 3 ? corners : null;
}

/**
 * The outer rings of a Polygon or MultiPolygon (also inside a Feature or a FeatureCollection's
 * first feature), without the closing corner; null when the text is not such GeoJSON. The server
 * checks the boundary properly; this only draws it.
 */
export function outerRings(text: string): LatLon[][] | null {
	let v: {
		type?: string;
		geometry?: unknown;
		features?: { geometry?: unknown }[];
		coordinates?: unknown;
	};
	try {
		v = JSON.parse(text);
	} catch {
		return null;
	}
	const g = (
		v?.type === 'Feature'
			? v.geometry
			: v?.type === 'FeatureCollection'
				? v.features?.[0]?.geometry
				: v
	) as typeof v;
	const c = g?.coordinates;
	if (!Array.isArray(c)) return null;
	const rings =
		g?.type === 'Polygon'
			? [ring(c[0])]
			: g?.type === 'MultiPolygon'
				? c.map((p) => ring(Array.isArray(p) ? p[0] : null))
				: [];
	return rings.length && rings.every((r) => r !== null) ? (rings as LatLon[][]) : null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A closed GeoJSON Polygon from the corners drawn on the map. */
export function polygonText(corners: LatLon[]): string {
	const ring = corners.map(([lat, lon]) => [round(lon), round(lat)]);
	return JSON.stringify({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
}

/** A coordinate typed in a form ("51,03" or "51.03"), or null. */
export function readCoordinate(text: string | null | undefined): number | null {
	const t = (text ?? '').trim().replace(',', '.');
	return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}
