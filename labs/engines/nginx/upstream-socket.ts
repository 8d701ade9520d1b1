// Connections to upstream servers. They read into one shared buffer (net.connect's `onread`
// option) instead of a new buffer and a trip through the stream machinery per read, and they
// carry the same few listeners all their life: each event goes to whoever owns the connection
// at that moment, the exchange that sends a request on it or, between requests, the keepalive
// cache. That keeps a proxied request from allocating a buffer and half a dozen closures for
// its upstream connection, which is most of what a Node proxy spends beyond the system calls.
import { connect, type Socket } from 'node:net';

/** What happens on an upstream connection, told to its current owner. */
export interface SocketOwner {
  connected(): void;
  /** Bytes read; the buffer is the owner's to keep. */
  data(chunk: Buffer): void;
  end(): void;
  error(error: NodeJS.ErrnoException): void;
}

const ownerKey = Symbol('upstream socket owner');
type OwnedSocket = Socket & { [ownerKey]?: SocketOwner | undefined };

/** Reads land here and are copied out at once, so one buffer serves every connection. */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Whether this runtime honours `onread` (Node since 12.2 does); until a first read says so,
 * connections also listen for 'data', so a runtime without it still works.
 */
let onreadHonoured: boolean | undefined;

function onRead(this: OwnedSocket, length: number, buffer: Uint8Array): boolean {
  onreadHonoured = true;
  this[ownerKey]?.data(Buffer.from(buffer.subarray(0, length)));
  // Keep reading; an owner that needs a pause asks the socket for one.
  return true;
}

function onData(this: OwnedSocket, chunk: Buffer): void {
  onreadHonoured = false;
  this[ownerKey]?.data(chunk);
}

function onConnect(this: OwnedSocket): void {
  this[ownerKey]?.connected();
}

function onEnd(this: OwnedSocket): void {
  this[ownerKey]?.end();
}

function onError(this: OwnedSocket, error: NodeJS.ErrnoException): void {
  this[ownerKey]?.error(error);
}

export function openUpstream(host: string, port: number, owner: SocketOwner): Socket {
  const socket: OwnedSocket = connect({ host, port, onread: { buffer: readBuffer, callback: onRead } });
  socket[ownerKey] = owner;
  socket.on('connect', onConnect);
  socket.on('end', onEnd);
  socket.on('error', onError);
  if (onreadHonoured !== true) socket.on('data', onData);
  return socket;
}

/** Hands the connection to a new owner (undefined: events are ignored until the next one). */
export function setOwner(socket: Socket, owner: SocketOwner | undefined): void {
  (socket as OwnedSocket)[ownerKey] = owner;
}

const closing: Socket[] = [];

function closePending(): void {
  for (const socket of closing.splice(0)) socket.destroy();
}

/**
 * Closes a connection once the answers of this turn of the event loop are written: nginx, too,
 * sends what it read to the client before it finalizes the upstream connection, and the peer
 * then learns of both in one wakeup. From now on the connection's events go nowhere.
 */
export function closeSoon(socket: Socket): void {
  setOwner(socket, undefined);
  if (closing.push(socket) === 1) setImmediate(closePending);
}
