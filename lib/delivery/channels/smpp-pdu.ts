/**
 * SMPP 3.4 protocol data units: the few the client needs (bind_transceiver, submit_sm,
 * enquire_link, unbind, deliver_sm, generic_nack and their responses). Big-endian header
 * of four 32-bit integers (length, command id, status, sequence), then the body.
 */
export const CMD = {
  generic_nack: 0x80000000,
  bind_transceiver: 0x00000009,
  bind_transceiver_resp: 0x80000009,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  deliver_sm: 0x00000005,
  deliver_sm_resp: 0x80000005,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;

export type Pdu = { commandId: number; status: number; sequence: number; body: Buffer };

export function encodePdu(commandId: number, sequence: number, body: Buffer = Buffer.alloc(0), status = 0): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt32BE(16 + body.length, 0);
  head.writeUInt32BE(commandId, 4);
  head.writeUInt32BE(status, 8);
  head.writeUInt32BE(sequence, 12);
  return Buffer.concat([head, body]);
}

/** Takes whole PDUs off the front of the buffer; returns them and what is left. */
export function splitPdus(buffer: Buffer): { pdus: Pdu[]; rest: Buffer } {
  const pdus: Pdu[] = [];
  let offset = 0;
  while (buffer.length - offset >= 16) {
    const length = buffer.readUInt32BE(offset);
    if (length < 16 || length > 64 * 1024) throw new Error(`Неверная длина пакета SMPP: ${length}`);
    if (buffer.length - offset < length) break;
    pdus.push({
      commandId: buffer.readUInt32BE(offset + 4),
      status: buffer.readUInt32BE(offset + 8),
      sequence: buffer.readUInt32BE(offset + 12),
      body: buffer.subarray(offset + 16, offset + length),
    });
    offset += length;
  }
  return { pdus, rest: buffer.subarray(offset) };
}

/** A C-Octet string (ASCII, NUL-terminated). */
export function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, "latin1"), Buffer.from([0])]);
}

export function readCString(body: Buffer, offset = 0): { value: string; next: number } {
  const end = body.indexOf(0, offset);
  const stop = end < 0 ? body.length : end;
  return { value: body.subarray(offset, stop).toString("latin1"), next: stop + 1 };
}

export function bindTransceiverBody(systemId: string, password: string, systemType = ""): Buffer {
  return Buffer.concat([
    cstring(systemId), cstring(password), cstring(systemType),
    Buffer.from([0x34 /* interface_version 3.4 */, 0 /* addr_ton */, 0 /* addr_npi */]),
    cstring(""),
  ]);
}

/** Type of number for the source: alphanumeric sender names are TON 5, numbers international (1). */
export function sourceTon(source: string): { ton: number; npi: number } {
  return /^\+?\d+$/.test(source) ? { ton: 1, npi: 1 } : { ton: 5, npi: 0 };
}

export type SubmitSm = {
  source: string;
  destination: string;
  /** the UCS-2 bytes of this part */
  message: Buffer;
  /** concatenation: reference, total, this part (1-based) */
  part?: { ref: number; total: number; seq: number };
  registeredDelivery?: boolean;
};

/** submit_sm with data_coding 8 (UCS-2); a part of a long text carries the 6-byte UDH (esm_class 0x40). */
export function submitSmBody(s: SubmitSm): Buffer {
  const src = sourceTon(s.source);
  const udh = s.part ? Buffer.from([0x05, 0x00, 0x03, s.part.ref & 0xff, s.part.total, s.part.seq]) : Buffer.alloc(0);
  const short = Buffer.concat([udh, s.message]);
  if (short.length > 254) throw new Error("Часть SMS длиннее 254 байт");
  return Buffer.concat([
    cstring(""), // service_type
    Buffer.from([src.ton, src.npi]), cstring(s.source.replace(/^\+/, "")),
    Buffer.from([1, 1]), cstring(s.destination), // dest TON international, NPI E.164
    Buffer.from([
      s.part ? 0x40 : 0x00, // esm_class: UDHI when a header is present
      0, // protocol_id
      0, // priority_flag
    ]),
    cstring(""), cstring(""), // schedule_delivery_time, validity_period
    Buffer.from([s.registeredDelivery ? 1 : 0, 0, 0x08 /* data_coding UCS-2 */, 0, short.length]),
    short,
  ]);
}

export const STATUS_TEXT: Record<number, string> = {
  0x01: "неверная длина сообщения",
  0x08: "системная ошибка шлюза",
  0x0b: "неверный номер получателя",
  0x0d: "шлюз отказал в подключении",
  0x0e: "неверный пароль",
  0x0f: "неверный логин (system_id)",
  0x14: "очередь шлюза переполнена",
  0x45: "шлюз не принял сообщение",
  0x58: "превышен предел скорости",
};

export function statusText(status: number): string {
  return `${STATUS_TEXT[status] ?? "ошибка"} (0x${status.toString(16).padStart(8, "0")})`;
}

/** Statuses after which the same message will not go through later either. */
export const PERMANENT_STATUSES = new Set([0x01, 0x0a, 0x0b, 0x0c]);
