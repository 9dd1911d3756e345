/**
 * A stand-in for the Google Cloud metadata server (169.254.169.254) that Application Default Credentials ask for the
 * runtime service account's access token on Cloud Functions. Point a process at it with GCE_METADATA_HOST.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MetadataServer {
  /** `127.0.0.1:PORT`, the value for GCE_METADATA_HOST. */
  host: string;
  /** The access token it hands out. */
  token: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** @example const metadata = await startMetadataServer('bot@p.iam.gserviceaccount.com', 'meta-token-1'); */
export async function startMetadataServer(email: string, token: string): Promise<MetadataServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://metadata').pathname;
    requests.push(path);
    const headers = { 'metadata-flavor': 'Google' };
    if (req.headers['metadata-flavor'] !== 'Google') {
      res.writeHead(403, headers).end('Missing Metadata-Flavor: Google');
      return;
    }
    if (path.endsWith('/service-accounts/default/token')) {
      res
        .writeHead(200, { ...headers, 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer' }));
    } else if (path.endsWith('/service-accounts/default/email')) {
      res.writeHead(200, { ...headers, 'content-type': 'application/text' }).end(email);
    } else if (path.endsWith('/project/project-id')) {
      res.writeHead(200, { ...headers, 'content-type': 'application/text' }).end('duban-2026');
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'application/text' }).end('');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
