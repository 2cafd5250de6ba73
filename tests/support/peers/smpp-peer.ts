/**
 * An SMPP 3.4 server (an SMS centre) on a random local port: accepts bind_transceiver with
 * the expected credentials, answers submit_sm with a message id, and keeps what arrived,
 * the short message decoded from UCS-2 and the parts of a concatenated text joined.
 * The PDUs are parsed here independently of the app's client.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export type SubmitRecord = {
  source: string; sourceTon: number; destination: string; esmClass: number; dataCoding: number;
  udh: Buffer | null; text: string;
};

export type SmppPeer = {
  url: string;
  submits: SubmitRecord[];
  /** whole texts: single parts, and concatenated parts joined */
  messages: { destination: string; text: string }[];
  binds: number;
  /** answer the next n submit_sm with ESME_RSYSERR (0x08) */
  failNext(n: number): void;
  /** cut every open session (the gateway restarts) */
  dropSessions(): void;
  close(): Promise<void>;
};

function cstr(b: Buffer, at: number): [string, number] {
  const end = b.indexOf(0, at);
  return [b.subarray(at, end).toString("latin1"), end + 1];
}

function pdu(id: number, seq: number, status = 0, body = Buffer.alloc(0)): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt32BE(16 + body.length, 0);
  h.writeUInt32BE(id >>> 0, 4);
  h.writeUInt32BE(status, 8);
  h.writeUInt32BE(seq, 12);
  return Buffer.concat([h, body]);
}

function ucs2(b: Buffer): string {
  let s = "";
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
  return s;
}

export async function startSmppPeer(o: { systemId?: string; password?: string } = {}): Promise<SmppPeer> {
  const systemId = o.systemId ?? "school";
  const password = o.password ?? "secret";
  const sockets = new Set<net.Socket>();
  const parts = new Map<string, string[]>();
  let failures = 0;
  let nextId = 1;
  const peer: SmppPeer = {
    url: "", submits: [], messages: [], binds: 0,
    failNext(n) { failures = n; },
    dropSessions() { for (const s of sockets) s.destroy(); },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };

  function onSubmit(body: Buffer): SubmitRecord {
    let at = cstr(body, 0)[1]; // service_type
    const sourceTon = body.readUInt8(at);
    at += 2;
    const [source, afterSource] = cstr(body, at);
    at = afterSource + 2;
    const [destination, afterDest] = cstr(body, at);
    at = afterDest;
    const esmClass = body.readUInt8(at);
    at += 3;
    [, at] = cstr(body, at);
    [, at] = cstr(body, at);
    at += 2; // registered_delivery, replace_if_present
    const dataCoding = body.readUInt8(at);
    at += 2; // data_coding, sm_default_msg_id
    const length = body.readUInt8(at);
    at += 1;
    let sm = body.subarray(at, at + length);
    let udh: Buffer | null = null;
    if (esmClass & 0x40) {
      const udhLength = sm.readUInt8(0);
      udh = sm.subarray(0, udhLength + 1);
      sm = sm.subarray(udhLength + 1);
    }
    const text = dataCoding === 8 ? ucs2(sm) : sm.toString("latin1");
    return { source, sourceTon, destination, esmClass, dataCoding, udh, text };
  }

  function remember(r: SubmitRecord) {
    peer.submits.push(r);
    if (!r.udh || r.udh[1] !== 0x00) {
      peer.messages.push({ destination: r.destination, text: r.text });
      return;
    }
    const [ref, total, seq] = [r.udh.readUInt8(3), r.udh.readUInt8(4), r.udh.readUInt8(5)];
    const k = `${r.destination}:${ref}`;
    const got = parts.get(k) ?? new Array<string>(total).fill("");
    got[seq - 1] = r.text;
    parts.set(k, got);
    if (got.every((p) => p !== "")) {
      parts.delete(k);
      peer.messages.push({ destination: r.destination, text: got.join("") });
    }
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    let buf = Buffer.alloc(0);
    let bound = false;
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.on("data", (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 16 && buf.length >= buf.readUInt32BE(0)) {
        const len = buf.readUInt32BE(0);
        const id = buf.readUInt32BE(4);
        const seq = buf.readUInt32BE(12);
        const body = buf.subarray(16, len);
        buf = buf.subarray(len);
        if (id === 0x09) {
          const [sid, a] = cstr(body, 0);
          const [pw] = cstr(body, a);
          const ok = sid === systemId && pw === password;
          bound = ok;
          if (ok) peer.binds++;
          socket.write(pdu(0x80000009, seq, ok ? 0 : 0x0e, Buffer.from("peer\0", "latin1")));
        } else if (id === 0x04) {
          if (!bound) { socket.write(pdu(0x80000004, seq, 0x04, Buffer.from([0]))); continue; }
          if (failures > 0) { failures--; socket.write(pdu(0x80000004, seq, 0x08, Buffer.from([0]))); continue; }
          remember(onSubmit(body));
          socket.write(pdu(0x80000004, seq, 0, Buffer.from(`m${nextId++}\0`, "latin1")));
        } else if (id === 0x15) {
          socket.write(pdu(0x80000015, seq));
        } else if (id === 0x06) {
          socket.write(pdu(0x80000006, seq));
          socket.end();
        } else if (!(id & 0x80000000)) {
          socket.write(pdu(0x80000000, seq, 0x03));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  peer.url = `smpp://${systemId}:${password}@127.0.0.1:${port}`;
  return peer;
}
