// Splits an inline command line ("SET greeting "hello world"") into arguments the way Redis
// does, including its quoting rules: "double quotes" understand \n \r \t \b \a \xHH and \<any>,
// 'single quotes' understand only \', and a closing quote must be followed by a space or the
// end of the line. Source: sdssplitargs() in redis/src/sds.c; inline commands are described at
// https://redis.io/docs/latest/develop/reference/protocol-spec/#inline-commands

const ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, a: 0x07 };

// isspace() in the C locale, which sdssplitargs uses to skip blanks between arguments.
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

// Inside an unquoted argument only these end it (the switch in sdssplitargs).
function endsBareArgument(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isHexDigit(byte: number | undefined): boolean {
  return byte !== undefined && /[0-9a-fA-F]/.test(String.fromCharCode(byte));
}

/** The arguments of one inline line, or null when its quotes are unbalanced. */
export function splitInlineArgs(line: Uint8Array): Buffer[] | null {
  // The request parser never passes a NUL byte (see its inline()), so the C string that
  // sdssplitargs works on and these bytes are the same.
  const text = line;
  const args: Buffer[] = [];
  let at = 0;
  for (;;) {
    while (at < text.length && isSpace(text[at])) at++;
    if (at >= text.length) return args;
    const bytes: number[] = [];
    let quote: 'double' | 'single' | null = null;
    for (let done = false; !done; ) {
      const byte = text[at];
      if (quote === 'double') {
        if (byte === undefined) return null;
        if (byte === 0x5c && text[at + 1] === 0x78 && isHexDigit(text[at + 2]) && isHexDigit(text[at + 3])) {
          bytes.push(parseInt(String.fromCharCode(text[at + 2], text[at + 3]), 16));
          at += 3;
        } else if (byte === 0x5c && at + 1 < text.length) {
          at++;
          const escaped = String.fromCharCode(text[at]);
          bytes.push(ESCAPES[escaped] ?? text[at]);
        } else if (byte === 0x22) {
          if (at + 1 < text.length && !isSpace(text[at + 1])) return null;
          done = true;
        } else {
          bytes.push(byte);
        }
      } else if (quote === 'single') {
        if (byte === undefined) return null;
        if (byte === 0x5c && text[at + 1] === 0x27) {
          at++;
          bytes.push(0x27);
        } else if (byte === 0x27) {
          if (at + 1 < text.length && !isSpace(text[at + 1])) return null;
          done = true;
        } else {
          bytes.push(byte);
        }
      } else if (byte === undefined || endsBareArgument(byte)) {
        done = true;
      } else if (byte === 0x22) {
        quote = 'double';
      } else if (byte === 0x27) {
        quote = 'single';
      } else {
        bytes.push(byte);
      }
      if (at < text.length) at++;
    }
    args.push(Buffer.from(bytes));
  }
}
