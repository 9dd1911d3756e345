import { existsSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';

/** The port `duban serve` and `npm start` listen on unless told otherwise, and the one `duban desk-link` assumes. */
export const DEFAULT_PORT = 8787;

/**
 * The address the links in notices open when DUBAN_PUBLIC_URL is not set: `duban serve` itself. Listening on every
 * interface (`--host 0.0.0.0`), that is this PC's first LAN IPv4 address (or its host name) — `0.0.0.0` opens
 * nothing on another PC or a phone.
 *
 * @example linkBase('0.0.0.0', 8787) // 'http://192.168.1.20:8787'
 */
export function linkBase(host: string, port: number): string {
  if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return `http://localhost:${port}`;
  if (host !== '0.0.0.0' && host !== '::') return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  return `http://${lan?.address ?? hostname()}:${port}`;
}

/** The start-up note when the links only open on this PC; `fromSetting`: the address is DUBAN_PUBLIC_URL's. */
export function localOnlyNote(base: string, fromSetting = false): string | null {
  if (!opensOnThisPcOnly(base)) return null;
  const fix = fromSetting
    ? '请把 DUBAN_PUBLIC_URL 改为本机的局域网地址或单位内网域名（如 http://192.168.1.20:8787）。'
    : '请用 --host 0.0.0.0 对局域网提供服务，或设置 DUBAN_PUBLIC_URL。';
  const what = fromSetting ? `DUBAN_PUBLIC_URL（${base}）` : base;
  return `[serve] 通知中的链接指向 ${what}，只能在本机打开；要让各单位在自己的电脑或手机上打开，${fix}`;
}

/**
 * Does this address open only on the PC it runs on (localhost, 127.x, ::1)?
 * @example opensOnThisPcOnly('http://localhost:8787') // true
 */
export function opensOnThisPcOnly(base: string): boolean {
  return /^https?:\/\/(localhost|127\.[\d.]+|\[::1\])(:|\/|$)/.test(base);
}

/** Is this process in a Docker / Podman container (its marker files)? */
export const inContainer = () => existsSync('/.dockerenv') || existsSync('/run/.containerenv');

/**
 * The start-up note when the links point at a container's own address: in a container `duban serve` sees only its
 * bridge address (172.17.x.x), which no unit's PC can open, unless DUBAN_PUBLIC_URL names the host.
 * @example containerNote('http://172.17.0.2:8787', false, () => true) // '[serve] 在容器中运行，且没有设置 DUBAN_PUBLIC_URL：…'
 */
export function containerNote(base: string, fromSetting: boolean, container = inContainer): string | null {
  if (fromSetting || opensOnThisPcOnly(base) || !container()) return null;
  return (
    `[serve] 在容器中运行，且没有设置 DUBAN_PUBLIC_URL：通知中的链接会指向容器自己的地址 ${base}，各单位打不开。` +
    `请在 duban.env 中写 DUBAN_PUBLIC_URL=http://宿主机的局域网地址:${new URL(base).port || DEFAULT_PORT}（见使用手册 Docker 一节），再重启容器。`
  );
}
