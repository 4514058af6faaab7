import { createConnection, createServer, type Socket } from "node:net";

/** One client's connection through the proxy, and the upstream connection it is forwarded to. */
interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
  /** Frozen: nothing more is forwarded either way, and what the client sends is kept in `held`. */
  frozen: boolean;
  readonly held: Buffer[];
  closed: boolean;
}

/** A TCP proxy on 127.0.0.1, whose connections a test can cut or freeze. */
export interface TcpProxy {
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** Cuts every connection open now, as a network failure would; later ones pass as usual. */
  cut(): void;
  /**
   * Freezes every connection open now, as a silent network would: nothing more reaches either side.
   * Returns what each client sends from then on, and whether it has closed its side.
   */
  freeze(): { readonly sent: () => string; readonly closed: () => boolean };
  /** How many connections are open through it. */
  open(): number;
  close(): Promise<void>;
}

/** A proxy on a free port of 127.0.0.1 to `port` on 127.0.0.1 (never another address). */
export async function tcpProxy(port: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: "127.0.0.1", port });
    const pair: Pair = { client, upstream, frozen: false, held: [], closed: false };
    pairs.add(pair);
    client.on("data", (chunk) => {
      if (pair.frozen) pair.held.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (!pair.frozen) client.write(chunk);
    });
    const end = () => {
      pair.closed = true;
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end);
    upstream.on("close", () => {
      if (!pair.frozen) end();
    });
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the proxy has no port");
  return {
    port: address.port,
    cut: () => {
      for (const pair of [...pairs]) pair.client.destroy();
    },
    freeze: () => {
      const frozen = [...pairs];
      for (const pair of frozen) pair.frozen = true;
      return {
        sent: () => Buffer.concat(frozen.flatMap((p) => p.held)).toString("latin1"),
        closed: () => frozen.every((p) => p.closed),
      };
    },
    open: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of [...pairs]) pair.client.destroy();
        server.close(() => resolve());
      }),
  };
}
