/**
 * A TCP proxy between the app and PostgreSQL that a test can cut and restore: the real
 * way a database "goes away" for the app (a server restart, a network failure), with the
 * app's own driver and pool on the other side. Cutting closes the listener (new
 * connections are refused) and destroys every open connection (queries in flight fail);
 * restoring listens again on the same port, so the app's URL does not change.
 */
import net from "node:net";

export type TcpProxy = {
  /** the port the app connects to */
  port: number;
  /** connections made through the proxy so far */
  connections(): number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let made = 0;
  let server: net.Server | null = null;

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = net.createServer((client) => {
        made++;
        const upstream = net.connect(target.port, target.host);
        open.add(client);
        open.add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        client.on("error", drop);
        upstream.on("error", drop);
        client.on("close", drop);
        upstream.on("close", drop);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        server = s;
        resolve((s.address() as net.AddressInfo).port);
      });
    });

  const stop = async () => {
    const s = server;
    server = null;
    for (const socket of open) socket.destroy();
    open.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  const port = await listen(0);
  return {
    port,
    connections: () => made,
    cut: stop,
    async restore() {
      await listen(port);
    },
    close: stop,
  };
}
