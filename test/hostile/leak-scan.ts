/**
 * What must never leave the system, whatever was sent: stack traces, SQL and PostgreSQL's words,
 * file paths, internal addresses. Echoes of what the caller itself sent are scrubbed first (a
 * coercion error may quote the bad value; that is the caller's own text, not a leak).
 */
const LEAK_PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'stack trace', pattern: /\n\s+at |\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)/ },
  { kind: 'stack trace', pattern: /"stacktrace"|"stack"\s*:/i },
  {
    kind: 'exception name',
    pattern:
      /\b(?:TypeError|RangeError|ReferenceError|QueryFailedError|TypeORMError|EntityNotFoundError|ZodError)\b/,
  },
  { kind: 'SQL', pattern: /\bSELECT\s+(?:[\w"*.]+|DISTINCT)\b[\s\S]{0,200}\bFROM\b/ },
  { kind: 'SQL', pattern: /\bINSERT\s+INTO\b|\bUPDATE\s+"?\w+"?(?:\."?\w+"?)?\s+SET\b|\bDELETE\s+FROM\b/ },
  {
    kind: 'SQL error',
    pattern: /\brelation "[^"]*"|\bcolumn "[^"]*"|syntax error at (?:or near|end of input)/,
  },
  {
    kind: 'SQL error',
    pattern:
      /violates (?:foreign key|unique|check|not-null|exclusion) constraint|duplicate key value|invalid input syntax for|invalid byte sequence for encoding|value too long for type|out of range for type|date\/time field value out of range/,
  },
  {
    kind: 'PostgreSQL error code',
    pattern: /"(?:code|sqlState)"\s*:\s*"(?:0[0-9A-Z]|2[0-9A-Z]|3[DF]|4[02]|5[3-8]|XX)[0-9A-Z]{3}"/,
  },
  {
    kind: 'file path',
    pattern: /(?:^|[\s"'(])\/(?:work|home|usr|var|tmp|root|opt|app|srv|proc|etc)\/[\w.-]/,
  },
  { kind: 'file path', pattern: /node_modules|[\w-]+\.(?:ts|js|mjs|cjs):\d+|[A-Za-z]:\\\\/ },
  {
    kind: 'internal address',
    pattern:
      /\b127\.0\.0\.1\b|\blocalhost\b|\b0\.0\.0\.0\b|\[::1\]|\.subgraph\.invalid\b|\.cluster\.local\b|\bECONN(?:REFUSED|RESET)\b|\bENOTFOUND\b|\bEAI_AGAIN\b|postgres(?:ql)?:\/\/|nats:\/\//,
  },
];

export interface Leak {
  kind: string;
  excerpt: string;
}

function escapedForms(sent: string): string[] {
  const json = JSON.stringify(sent).slice(1, -1);
  return json === sent ? [sent] : [sent, json];
}

function scrub(value: unknown, echoes: string[]): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const echo of echoes) if (echo && text.includes(echo)) text = text.split(echo).join('«echo»');
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, echoes));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, echoes)]));
  return value;
}

/** A scanner that ignores echoes of `sent` (every string the corpus may send) and finds `needles`. */
export function createLeakScanner(sent: Iterable<string>, needles: string[]) {
  // Longest first, so an echo is removed whole before a shorter one inside it.
  const echoes = [...new Set([...sent].flatMap(escapedForms))]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text: string, json: unknown): Leak[] => {
    const scrubbed = json === undefined ? String(scrub(text, echoes)) : JSON.stringify(scrub(json, echoes));
    const leaks: Leak[] = [];
    for (const { kind, pattern } of LEAK_PATTERNS) {
      const match = scrubbed.match(pattern);
      if (match) leaks.push({ kind, excerpt: excerptAround(scrubbed, match.index ?? 0) });
    }
    for (const needle of needles) {
      const at = scrubbed.indexOf(needle);
      if (at >= 0) leaks.push({ kind: 'internal address', excerpt: excerptAround(scrubbed, at) });
    }
    return leaks;
  };
}

function excerptAround(text: string, index: number): string {
  return text.slice(Math.max(0, index - 80), index + 120);
}
