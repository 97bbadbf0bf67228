import { cellToLatLng, latLngToCell } from 'h3-js';

/**
 * H3 resolution 9 cells are about 350 m across: close enough to show what is near, too coarse
 * to find a front door. The public only ever sees the centre of the cell.
 */
export const APPROX_RESOLUTION = 9;

export interface ApproxPoint {
	cell: string;
	lat: number;
	lon: number;
}

/** The public, approximate point for an exact one. */
export function approximate(lat: number, lon: number): ApproxPoint {
	const cell = latLngToCell(lat, lon, APPROX_RESOLUTION);
	const [cLat, cLon] = cellToLatLng(cell);
	return { cell, lat: round(cLat), lon: round(cLon) };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
