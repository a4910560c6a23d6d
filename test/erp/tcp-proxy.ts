// A TCP proxy between the app and an ERP that a test can take down and bring back,
// to make "the ERP is unreachable" real (connection refused), not simulated.
import net from "node:net";

export type TcpProxy = { url: string; port: number; down: () => Promise<void>; up: () => Promise<void>; close: () => Promise<void> };

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const t = new URL(target);
  const targetPort = Number(t.port || (t.protocol === "https:" ? 443 : 80));
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(targetPort, t.hostname);
        for (const x of [client, upstream]) {
          sockets.add(x);
          x.on("close", () => sockets.delete(x));
          x.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = async () => {
    const s = server;
    server = null;
    for (const x of sockets) x.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };

  await listen();
  return {
    get url() {
      return `${t.protocol}//127.0.0.1:${port}${t.pathname === "/" ? "" : t.pathname}`;
    },
    get port() {
      return port;
    },
    down: stop,
    up: listen,
    close: stop,
  };
}
