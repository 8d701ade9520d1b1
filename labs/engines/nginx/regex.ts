// nginx compiles location and server_name regexes with PCRE2; the course proxy uses
// JavaScript regexes, translating the PCRE spelling of named groups "(?P<name>...)".
import { fail } from './conf-values.ts';
import type { Directive } from './directive-spec.ts';

export function compileRegex(d: Directive, source: string, caseless: boolean): RegExp {
  const js = source.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(js, caseless ? 'i' : '');
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
    fail(d, `pcre2_compile() failed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} in "${source}"`);
  }
}
