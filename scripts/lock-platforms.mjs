// Adds lockfile entries for optional, platform-specific packages (e.g. @rollup/rollup-darwin-arm64)
// that `npm install` could not look up from the registry this project is built against. Without
// an entry, `npm ci` refuses the lockfile as "out of sync", although those packages would never
// be installed on this platform anyway. Run after `npm install`: `node scripts/lock-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
	'darwin',
	'linux',
	'win32',
	'freebsd',
	'openbsd',
	'netbsd',
	'android',
	'openharmony',
	'sunos',
	'aix'
];
const CPU = [
	'arm64',
	'x64',
	'ia32',
	'arm',
	'loong64',
	'ppc64',
	'riscv64',
	's390x',
	'wasm32',
	'mips64el'
];

/** os, cpu and libc from a platform package's name, e.g. "rollup-linux-arm-musleabihf". */
function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((p) => OS.includes(p));
	const cpu = parts.find((p) => CPU.includes(p));
	if (!os && !cpu) return null;
	const entry = {};
	if (cpu) entry.cpu = [cpu];
	if (os) entry.os = [os];
	if (os === 'linux') {
		if (parts.some((p) => p.startsWith('musl'))) entry.libc = ['musl'];
		else if (parts.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
	}
	return entry;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
	for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
		const nested = `${path ? path + '/' : ''}node_modules/${dep}`;
		const top = `node_modules/${dep}`;
		if (pkgs[nested] || pkgs[top]) continue;
		const platform = platformOf(dep);
		if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
		pkgs[top] = { version, ...platform, ...(meta.dev ? { dev: true } : {}), optional: true };
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))
);
writeFileSync(file, JSON.stringify(lock, null, '\t') + '\n');
console.log(`lock-platforms: added ${added} platform package entr${added === 1 ? 'y' : 'ies'}`);
