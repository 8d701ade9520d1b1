// What low-level network errors mean for a learner, keyed by error code. The wording follows
// what curl reports for the same situations (https://curl.se/libcurl/c/libcurl-errors.html:
// CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING "Empty reply from server", CURLE_RECV_ERROR).
export type HttpErrorCode =
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'EPIPE'
  | 'EMPTY_REPLY'
  | 'NOT_HTTP'
  | 'TIMEOUT'
  | 'EADDRINUSE'
  | 'EADDRNOTAVAIL'
  | 'EHOSTUNREACH'
  | 'ABORTED'
  | 'OTHER';

interface ErrnoHint {
  /** What happened, in a few words. */
  summary: string;
  /** What the learner can do about it. */
  advice: string;
}

export const errnoHints: Record<HttpErrorCode, ErrnoHint> = {
  ECONNREFUSED: {
    summary: 'connection refused: nothing is listening on that address and port',
    advice: 'Check that your program is still running and listens on the PORT and HOST it was given.',
  },
  ECONNRESET: {
    summary: 'connection reset: your program closed the connection abruptly',
    advice: 'Look in your program\'s output for a crash, and make sure no code path destroys the socket before the response is sent.',
  },
  EPIPE: {
    summary: 'broken pipe: your program closed the connection while the request was still being sent',
    advice: 'Read the whole request before answering, and do not close the socket early.',
  },
  EMPTY_REPLY: {
    summary: 'empty reply: your program accepted the connection and closed it without sending a byte',
    advice: 'Every request needs a response; make sure every code path ends with res.end().',
  },
  NOT_HTTP: {
    summary: 'the reply is not HTTP',
    advice: 'An HTTP/1.1 response starts with a status line such as "HTTP/1.1 200 OK", then header lines, a blank line and the body. Use node:http instead of writing raw bytes to the socket.',
  },
  TIMEOUT: {
    summary: 'no complete response in time',
    advice: 'Your program accepted the connection but did not finish a response; make sure every code path ends with res.end(), and that nothing blocks the event loop.',
  },
  EADDRINUSE: {
    summary: 'address already in use: another program listens on that port',
    advice: 'Stop the other program (is `npm run lab -- start` still running in another terminal?) or use another port.',
  },
  EADDRNOTAVAIL: {
    summary: 'address not available: this machine has no such address',
    advice: 'Listen on an address this machine owns, such as 127.0.0.1 (only this machine) or 0.0.0.0 (every address).',
  },
  EHOSTUNREACH: {
    summary: 'host unreachable',
    advice: 'The address cannot be reached from here; listen on 127.0.0.1.',
  },
  ABORTED: {
    summary: 'the request was cancelled because the check ran out of time',
    advice: 'Your program took too long to answer; look for slow or blocking code.',
  },
  OTHER: {
    summary: 'the request failed',
    advice: 'Look at your program\'s output for an error.',
  },
};

export function toHttpErrorCode(code: string | undefined): HttpErrorCode {
  return code !== undefined && code in errnoHints ? (code as HttpErrorCode) : 'OTHER';
}
