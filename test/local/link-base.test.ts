/** Where duban serve's links point when DUBAN_PUBLIC_URL is not set: an address another PC or a phone can open. */
import { describe, expect, it } from 'vitest';
import { containerNote, linkBase, localOnlyNote } from '../../src/local/link-base';

describe('the local link address', () => {
  it('is localhost on loopback (with a note that only this PC opens it), the host given, or a LAN address for 0.0.0.0', () => {
    expect(linkBase('127.0.0.1', 8787)).toBe('http://localhost:8787');
    expect(localOnlyNote(linkBase('127.0.0.1', 8787))).toContain('只能在本机打开');
    expect(linkBase('192.168.1.20', 8787)).toBe('http://192.168.1.20:8787');
    expect(localOnlyNote('http://192.168.1.20:8787')).toBeNull();
    // Set so by DUBAN_PUBLIC_URL: the fix is that setting, not "set DUBAN_PUBLIC_URL".
    const set = localOnlyNote('http://localhost:8799', true)!;
    expect(set).toContain('DUBAN_PUBLIC_URL（http://localhost:8799）');
    expect(set).toContain('请把 DUBAN_PUBLIC_URL 改为本机的局域网地址');
    expect(set).not.toContain('--host 0.0.0.0');
    expect(linkBase('fd00::5', 80)).toBe('http://[fd00::5]:80');
    const wildcard = linkBase('0.0.0.0', 8787);
    expect(wildcard).toMatch(/^http:\/\/[^/]+:8787$/);
    expect(wildcard).not.toContain('0.0.0.0');
    expect(wildcard).not.toContain('localhost');
  });

  it('in a container without DUBAN_PUBLIC_URL, says the links point at the container and what to set', () => {
    const note = containerNote('http://172.17.0.2:8787', false, () => true)!;
    expect(note).toContain('172.17.0.2');
    expect(note).toContain('DUBAN_PUBLIC_URL=http://宿主机的局域网地址:8787');
    expect(containerNote('http://172.17.0.2:8787', false, () => false)).toBeNull();
    expect(containerNote('http://192.168.1.20:8787', true, () => true)).toBeNull();
  });
});
