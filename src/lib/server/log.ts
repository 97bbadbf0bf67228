/** One JSON line per event on stdout/stderr, so logs can be searched by event name or error id. */
type Fields = Record<string, unknown>;

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;
const threshold = levels[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? levels.info;

function write(level: Level, event: string, fields: Fields) {
	if (levels[level] < threshold || process.env.VITEST) return;
	const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
	if (level === 'error' || level === 'warn') console.error(line);
	else console.log(line);
}

export const log = {
	debug: (event: string, fields: Fields = {}) => write('debug', event, fields),
	info: (event: string, fields: Fields = {}) => write('info', event, fields),
	warn: (event: string, fields: Fields = {}) => write('warn', event, fields),
	error: (event: string, fields: Fields = {}) => write('error', event, fields)
};
