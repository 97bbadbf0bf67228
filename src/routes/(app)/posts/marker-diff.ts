// Type only: erased from the browser's code.
import type { Marker } from '$lib/server/posts/markers';

/**
 * The same post keeps its key from one answer to the next; a group of posts is the same
 * group when it is at the same point with the same counts.
 */
export function markerKey(m: Marker): string {
	return m.type === 'post' ? `post:${m.id}` : `group:${m.lat},${m.lon}:${m.count}:${m.requests}`;
}

/** What a marker was drawn from: when this changes (a new title, another point), it is redrawn. */
export function markerContent(m: Marker): string {
	return JSON.stringify(m);
}

export interface MarkerChanges {
	add: Marker[];
	remove: string[];
}

/**
 * What to change so that the map shows `next`, given what it shows now (key → content).
 * A marker that is the same stays as it is, so its focus and its open card stay too; the
 * markers in `keep` (the one with focus, the one whose card is open) are never taken away,
 * not even when `next` leaves them out or changes them.
 */
export function markerChanges(
	shown: ReadonlyMap<string, string>,
	next: readonly Marker[],
	keep: ReadonlySet<string> = new Set()
): MarkerChanges {
	const wanted = new Map<string, Marker>();
	for (const m of next) if (!wanted.has(markerKey(m))) wanted.set(markerKey(m), m);
	const remove: string[] = [];
	for (const [key, content] of shown) {
		if (keep.has(key)) continue;
		const m = wanted.get(key);
		if (!m || markerContent(m) !== content) remove.push(key);
	}
	const add = [...wanted].filter(([key, m]) => {
		if (!shown.has(key)) return true;
		return !keep.has(key) && markerContent(m) !== shown.get(key);
	});
	return { add: add.map(([, m]) => m), remove };
}

/** A part of the map, in degrees. */
export interface Box {
	west: number;
	south: number;
	east: number;
	north: number;
}

/** What the markers on the map were loaded for. */
export interface Area {
	box: Box;
	zoom: number;
	/** The list's filters. */
	query: string;
}

/** The box grown by `ratio` of its width and height on every side. */
export function grow(b: Box, ratio: number): Box {
	const dx = (b.east - b.west) * ratio;
	const dy = (b.north - b.south) * ratio;
	return { west: b.west - dx, south: b.south - dy, east: b.east + dx, north: b.north + dy };
}

/**
 * Whether the markers loaded for `loaded` already answer for `view`: the same zoom and
 * filters, and the view inside the loaded box. Then moving the map needs no new answer.
 */
export function covers(loaded: Area | undefined, view: Area): boolean {
	if (!loaded || loaded.zoom !== view.zoom || loaded.query !== view.query) return false;
	const a = loaded.box;
	const b = view.box;
	return a.west <= b.west && a.south <= b.south && a.east >= b.east && a.north >= b.north;
}

/** The box as the marker endpoint reads it, `minLon,minLat,maxLon,maxLat`, rounded outwards. */
export function bboxParam(b: Box): string {
	const down = (n: number) => (Math.floor(n * 1e5) / 1e5).toFixed(5);
	const up = (n: number) => (Math.ceil(n * 1e5) / 1e5).toFixed(5);
	return [down(b.west), down(b.south), up(b.east), up(b.north)].join(',');
}
