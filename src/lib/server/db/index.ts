import { building } from '$app/environment';
import { config } from '../config';
import { openDatabase } from './client';

// `vite build` imports server modules to analyse them: give it a throw-away database.
const opened = openDatabase(building ? ':memory:' : config.DATABASE_URL);

/** The application's database client. */
export const db = opened.db;
/** The raw better-sqlite3 handle, for health checks and graceful shutdown. */
export const sqlite = opened.sqlite;
