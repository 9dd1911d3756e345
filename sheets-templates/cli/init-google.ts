/**
 * `duban init --google [--demo] [--title T] [--sheet ID]`: the spreadsheet created from the one tab definition, set
 * up with its protections and (optionally) the demo county; credentials from the environment (src/cli/google.ts).
 */
import { explainGoogleFailure, googleAccessFromEnv, spreadsheetIdOf } from '../../src/cli/google';
import { generateDemo } from '../demo';
import { createGoogleWorkbook } from '../google/google-create';

export interface InitGoogleOptions {
  /** Demo rows as of this day, or null for the empty template. */
  demoAsOf: string | null;
  /** Title of a new spreadsheet (default 督查督办（YYYY年）). */
  title?: string;
  /** Set up this existing spreadsheet (id or URL) instead of creating one. */
  sheet?: string;
  /** Year of the default title (the 工作年度, or the demo's year). */
  year: number;
  /** 规则配置 values of the new sheet (its 工作年度); absent for the demo, which has its own. */
  config?: Record<string, string>;
  /** Said first once the sheet is made: which 工作年度 init took in December (init-office.ts workYear). */
  note?: string;
}

/**
 * `duban init --google`: create the spreadsheet (or set up `--sheet`), print its URL and id; the exit code.
 * @example process.exitCode = await initGoogle({ demoAsOf: '2026-06-15', year: 2026 });
 */
export async function initGoogle(
  opts: InitGoogleOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const existing = opts.sheet === undefined ? undefined : spreadsheetIdOf(opts.sheet);
  if (existing === null) {
    console.error(`duban init：--sheet "${opts.sheet}" 不是表格 ID 或表格网址`);
    return 2;
  }
  const access = googleAccessFromEnv(env);
  if (!access.ok) {
    console.error(`duban init：${access.message}`);
    return 2;
  }
  const { auth, rootUrl, clientEmail } = access.value;
  const title = opts.title ?? `督查督办（${opts.year}年）`;
  const demo = opts.demoAsOf ? generateDemo({ year: opts.year, asOf: opts.demoAsOf }) : undefined;
  let created: Awaited<ReturnType<typeof createGoogleWorkbook>>;
  try {
    created = await createGoogleWorkbook({
      auth,
      title,
      ...(rootUrl ? { rootUrl } : {}),
      ...(demo ? { demo } : {}),
      ...(opts.config ? { config: opts.config } : {}),
      ...(existing ? { spreadsheetId: existing } : {}),
      ...(clientEmail ? { serviceAccountEmail: clientEmail } : {}),
    });
  } catch (error) {
    const clash = /already has a tab '([^']+)'/.exec((error as Error).message)?.[1];
    console.error(
      `duban init：${
        clash
          ? `表格 ${existing} 已有工作表「${clash}」，未做任何修改；请指定一个新建的空白表格`
          : explainGoogleFailure(error, { ...(existing ? { spreadsheetId: existing } : {}), clientEmail })
      }`,
    );
    return 1;
  }
  const what = existing ? '已在 Google 表格中建立督办工作表' : `已创建 Google 表格「${title}」`;
  console.log(
    [
      ...(opts.note ? [opts.note] : []),
      `${what}${opts.demoAsOf ? `（演示数据截至 ${opts.demoAsOf}）` : `（${opts.year}年度）`}`,
      `网址：${created.url}`,
      `表格 ID：${created.spreadsheetId}`,
      ...(existing
        ? []
        : [
            `注意：新表格归服务账号${clientEmail ? ` ${clientEmail}` : ''}所有，需由它共享后才能在浏览器中打开；` +
              '也可以自建空白表格、共享给服务账号（编辑者），再运行 duban init --google --sheet <表格ID>。',
          ]),
      `扫描：duban scan --sheet ${created.spreadsheetId}`,
    ].join('\n'),
  );
  return 0;
}
