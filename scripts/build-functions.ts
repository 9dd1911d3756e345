/**
 * Bundle functions/index.ts into one CommonJS file that functions-framework loads: `npx tsx scripts/build-functions.ts
 * [--outdir dist/functions]`. The output folder is the deploy source: index.js (everything bundled, googleapis'
 * Sheets API only) and a package.json naming it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The package.json of the deploy folder: CommonJS, so the parent's "type": "module" never applies. */
const DEPLOY_PACKAGE = {
  name: 'duban-sheets-functions',
  private: true,
  type: 'commonjs',
  main: 'index.js',
  engines: { node: '>=20' },
  // Cloud Functions adds functions-framework when it is absent; pinned here so local runs and deploys match.
  dependencies: { '@google-cloud/functions-framework': '^5.0.0' },
};

/**
 * Build the Cloud Functions bundle into `outdir`; returns the bundle's path.
 * @example await buildFunctions('dist/functions'); // then: functions-framework --source=dist/functions --target=duban
 */
export async function buildFunctions(outdir: string): Promise<string> {
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, 'index.js');
  await build({
    entryPoints: [join(ROOT, 'functions/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await writeFile(join(outdir, 'package.json'), `${JSON.stringify(DEPLOY_PACKAGE, null, 2)}\n`);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/functions' } } });
  const outfile = await buildFunctions(resolve(values.outdir!));
  console.log(`built ${outfile}`);
}
