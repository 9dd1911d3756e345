import { createServer, type AddressInfo } from 'node:net';

/**
 * A local port nothing listens on now: bind one, note it, close it. For a server the test starts on it, or for a
 * connection that must be refused.
 * @example const port = await freePort(); // then connect to 127.0.0.1:port and expect ECONNREFUSED
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
