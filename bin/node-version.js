// @ts-check
// The Node.js check `duban` runs before it loads anything: a Node.js older than package.json's engines (the 16 or 18 of
// some distributions' software sources) would otherwise fail deep inside a dependency with an English stack trace.
// Plain JavaScript without dependencies, so it runs before npm install too: `node bin/node-version.js` (quick-start).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * package.json's `engines.node`, the one place the required version is written.
 *
 * @example requiredNode() // '>=20.19'
 */
export function requiredNode() {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
}

/**
 * The Chinese message for a Node.js `version` older than `required` (`>=MAJOR.MINOR[.PATCH]`), or null when it will do.
 *
 * @param {string} version as in process.versions.node
 * @param {string} required as in package.json engines, e.g. '>=20.19'
 * @returns {string | null}
 * @example nodeTooOld('18.19.1', '>=20.19') // 'duban 需要 Node.js 20.19 或更高版本，本机是 v18.19.1。…'
 */
export function nodeTooOld(version, required) {
  const wanted = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(required.trim())?.[1];
  if (!wanted) return null;
  const needed = wanted.split('.').map(Number);
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (const [i, n] of needed.entries()) {
    if ((have[i] ?? 0) > n) return null;
    if ((have[i] ?? 0) < n)
      return (
        `duban 需要 Node.js ${wanted} 或更高版本，本机是 v${version.replace(/^v/, '')}。` +
        '请从 https://nodejs.org/zh-cn 下载安装 LTS 版（内网电脑在能上网的电脑上下载安装包再拷过来），然后重新运行。'
      );
  }
  return null;
}

/**
 * Prints the message to stderr and returns false when this Node.js is too old.
 *
 * @example if (!nodeIsRecentEnough()) process.exit(2);
 */
export function nodeIsRecentEnough() {
  const tooOld = nodeTooOld(process.versions.node, requiredNode());
  if (tooOld) console.error(tooOld);
  return !tooOld;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = nodeIsRecentEnough() ? 0 : 2;
