// One typed settings object with defaults. Values from clients are checked field by field; a bad
// value falls back to the default instead of breaking the server.

import { CITATION_STYLES, type CitationStyle } from './citations/format';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const DIAGNOSTIC_CODES = [
  'citation.unknown-paragraph',
  'citation.unknown-instrument',
  'citation.unknown-section',
  'citation.wrong-kind',
  'citation.report-paragraph',
  'citation.excerpt',
  'citation.misprint',
  'citation.ambiguous',
  'citation.malformed',
  'citation.out-of-corpus',
  'citation.quote-mismatch',
  'citation.quote-elsewhere',
  'citation.quote-bracket',
  'citation.uncited-agreed-language',
  'document.too-large',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export interface Settings {
  diagnostics: {
    enabled: boolean;
    severity: Record<DiagnosticCode, SeveritySetting>;
  };
  /** How completion and code actions write citations. */
  citationStyle: CitationStyle;
  /** Typing this character, then words, searches paragraph texts ("@smuggled migrants"). */
  fullTextTrigger: string;
  /** Documents larger than this (in characters) are not scanned. */
  maxFileSize: number;
  /** Also check plain-text files, not only Markdown. */
  plainText: boolean;
  corpus: { paths: string[] };
  /** A sentence reproducing this many consecutive words of a corpus paragraph, uncited, draws a hint. */
  agreedLanguage: { minWords: number };
}

export const DEFAULT_SEVERITY: Record<DiagnosticCode, SeveritySetting> = {
  'citation.unknown-paragraph': 'error',
  'citation.unknown-instrument': 'information',
  'citation.unknown-section': 'warning',
  'citation.wrong-kind': 'warning',
  'citation.report-paragraph': 'information',
  'citation.excerpt': 'information',
  'citation.misprint': 'warning',
  'citation.ambiguous': 'warning',
  'citation.malformed': 'error',
  'citation.out-of-corpus': 'off',
  'citation.quote-mismatch': 'warning',
  'citation.quote-elsewhere': 'warning',
  'citation.quote-bracket': 'information',
  'citation.uncited-agreed-language': 'information',
  'document.too-large': 'information',
};

export const DEFAULT_SETTINGS: Settings = deepFreeze({
  diagnostics: { enabled: true, severity: DEFAULT_SEVERITY },
  citationStyle: 'full',
  fullTextTrigger: '@',
  maxFileSize: 5_000_000,
  plainText: false,
  corpus: { paths: [] },
  agreedLanguage: { minWords: 12 },
});

/**
 * Settings are values: frozen, replaced whole when the client sends new ones, never changed in place,
 * so a result cached for one settings object (the diagnostics pipeline's) can never be stale.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Settings from a client (any shape) merged over the defaults. */
export function toSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const diagnostics = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const severity = { ...DEFAULT_SEVERITY };
  const rawSeverity = (diagnostics.severity && typeof diagnostics.severity === 'object' ? diagnostics.severity : {}) as Record<string, unknown>;
  for (const code of DIAGNOSTIC_CODES) {
    const value = rawSeverity[code];
    if (typeof value === 'string' && (SEVERITIES as string[]).includes(value)) severity[code] = value as SeveritySetting;
  }
  const corpus = (r.corpus && typeof r.corpus === 'object' ? r.corpus : {}) as Record<string, unknown>;
  const agreed = (r.agreedLanguage && typeof r.agreedLanguage === 'object' ? r.agreedLanguage : {}) as Record<string, unknown>;
  return deepFreeze({
    diagnostics: { enabled: typeof diagnostics.enabled === 'boolean' ? diagnostics.enabled : true, severity },
    citationStyle: typeof r.citationStyle === 'string' && (CITATION_STYLES as string[]).includes(r.citationStyle) ? (r.citationStyle as CitationStyle) : DEFAULT_SETTINGS.citationStyle,
    fullTextTrigger: typeof r.fullTextTrigger === 'string' && r.fullTextTrigger.length === 1 && !/[\w\s]/.test(r.fullTextTrigger) ? r.fullTextTrigger : DEFAULT_SETTINGS.fullTextTrigger,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    plainText: typeof r.plainText === 'boolean' ? r.plainText : false,
    corpus: { paths: Array.isArray(corpus.paths) ? corpus.paths.filter((p): p is string => typeof p === 'string') : [] },
    agreedLanguage: { minWords: typeof agreed.minWords === 'number' && Number.isInteger(agreed.minWords) && agreed.minWords >= 6 && agreed.minWords <= 60 ? agreed.minWords : 12 },
  });
}
