/** A Node.js older than package.json's engines is told so in Chinese, with the version needed and where to get it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeTooOld, requiredNode } from '../../bin/node-version.js';

describe('nodeTooOld', () => {
  it('reads the requirement from package.json engines', () => {
    const { engines } = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(requiredNode()).toBe(engines.node);
  });

  it.each(['18.19.1', '20.18.3', '20.0.0', '16.20.2'])(
    'Node %s is too old for >=20.19: said in Chinese',
    (version) => {
      const said = nodeTooOld(version, '>=20.19');
      expect(said).toContain('Node.js 20.19 或更高版本');
      expect(said).toContain(`v${version}`);
      expect(said).toContain('https://nodejs.org/zh-cn');
    },
  );

  it.each(['20.19.0', '20.20.2', '22.1.0', '24.0.0'])('Node %s is new enough for >=20.19', (version) => {
    expect(nodeTooOld(version, '>=20.19')).toBeNull();
  });

  it('compares the patch when the requirement has one', () => {
    expect(nodeTooOld('20.19.0', '>=20.19.1')).toContain('20.19.1 或更高版本');
    expect(nodeTooOld('20.19.1', '>=20.19.1')).toBeNull();
  });
});
