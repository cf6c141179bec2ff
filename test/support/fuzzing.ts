/**
 * The fuzzing run (issue 13): real configs and ACL files, mutated, and random bytes, fed
 * through every feature the server offers — diagnostics (whole and incremental), hover,
 * completion, symbols, folding, links, inlay hints, semantic tokens, code actions, each
 * fix and fix-all, definition, references. A run fails on a throw, on a call that takes
 * over a second (a bound on hangs, generous on purpose: a real config is analysed in
 * milliseconds), on a position or range outside the document, and when the incremental
 * analysis differs from a fresh one. Seeded: the same seed replays the same inputs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { minimatch } from 'minimatch';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { completionsAt } from '../../server/src/analysis/completion';
import type { FileSource } from '../../server/src/analysis/configModel';
import { definitionAt } from '../../server/src/analysis/definition';
import { applyEdits } from '../../server/src/analysis/fixes/applyEdits';
import { fixAll, fixesFor } from '../../server/src/analysis/fixes';
import { hoverAt } from '../../server/src/analysis/hover';
import { inlayHints } from '../../server/src/analysis/inlayHints';
import { fileLinks } from '../../server/src/analysis/links';
import { userReferencesAt } from '../../server/src/analysis/references';
import { encodeSemanticTokens, semanticTokens } from '../../server/src/analysis/semanticTokens';
import { documentSymbols, foldingRanges } from '../../server/src/analysis/symbols';
import type { DocumentKind, Position, Range, Settings } from '../../server/src/analysis/types';
import { directiveNames } from '../../server/src/knowledge/directives';
import { TARGETS } from '../../server/src/knowledge/types';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { sharedPath } from './shared';

const ROOT = join(__dirname, '../..');
/** Where the document and the files it may name live, for includes, aclfile and links. */
const DIR = '/fuzz';
const DOC_PATH = `${DIR}/redis.conf`;
const URI = 'file:///fuzz/redis.conf';
/** A call slower than this is taken for a hang. */
export const CALL_DEADLINE_MS = 1000;

export interface Seed {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly text: string;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile() && /\.(conf|acl)$/.test(f));
}

function kindOf(file: string): DocumentKind {
  const name = basename(file);
  return name.endsWith('.acl') ? 'acl' : name.includes('sentinel') ? 'sentinel' : 'config';
}

/** The real files the run mutates: examples/ and test fixtures always, the shared corpus when present. */
export function seedFiles(): Seed[] {
  const corpus = sharedPath('corpus');
  const files = [
    ...filesUnder(join(ROOT, 'examples')),
    ...filesUnder(join(ROOT, 'test/fixtures/cli')),
    ...filesUnder(join(ROOT, 'test/fixtures/grammar')),
    ...(corpus ? filesUnder(corpus) : []),
  ];
  return files.sort().map((f) => ({ name: f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1), kind: kindOf(f), text: readFileSync(f, 'utf8') }));
}

/** Pieces that matter to the readers, and names the knowledge base knows. */
export const PIECES: readonly string[] = [
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\v',
  '\f',
  '\0',
  '"',
  "'",
  '\\',
  '\\x',
  '\\x4',
  '\\x41',
  '\\n',
  '#',
  '(',
  ')',
  '~',
  '%',
  '&',
  '*',
  '>',
  '<',
  '+@',
  '-@',
  '+',
  '-',
  '|',
  'on',
  'off',
  'nopass',
  'allkeys',
  'allcommands',
  'resetpass',
  'user',
  'default',
  'bind',
  '0.0.0.0',
  '* -::*',
  'protected-mode',
  'no',
  'yes',
  'save',
  '""',
  'include',
  `include ${DIR}/other.conf`,
  `include ${DIR}/*.conf`,
  `aclfile ${DIR}/users.acl`,
  'rename-command',
  'CONFIG',
  'requirepass',
  'masterauth',
  'sentinel',
  'monitor',
  'mymaster',
  '6379',
  '-1',
  '99999999999999999999',
  '1gb',
  '100%',
  'é',
  '😀',
  '\ud800',
  '\udc00',
  '\ufeff',
  '\u2028',
];

type Mutation =
  | { readonly op: 'insert'; readonly at: number; readonly piece: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'line'; readonly at: number; readonly line: string }
  | { readonly op: 'drop-line' | 'copy-line'; readonly at: number }
  | { readonly op: 'swap-lines'; readonly at: number; readonly with: number }
  | { readonly op: 'cut'; readonly at: number }
  | { readonly op: 'crlf' | 'cr' };

const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
const directiveLine = fc
  .tuple(fc.constantFrom(...new Set(TARGETS.flatMap((t) => directiveNames(t)))), fc.array(piece, { maxLength: 4 }))
  .map(([name, args]) => [name, ...args].join(' '));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('line' as const),
      at: fc.nat(),
      line: fc.oneof(
        directiveLine,
        fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('drop-line' as const, 'copy-line' as const), at: fc.nat() }) },
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('crlf' as const, 'cr' as const) }),
);

function mutate(text: string, m: Mutation): string {
  const at = (n: number, length: number): number => (length === 0 ? 0 : n % (length + 1));
  switch (m.op) {
    case 'insert': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.piece + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'cut':
      return text.slice(0, at(m.at, text.length));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    default: {
      const lines = text.split('\n');
      const i = at(m.at, lines.length - 1);
      if (m.op === 'line') lines.splice(i, 0, m.line);
      else if (m.op === 'drop-line') lines.splice(i, 1);
      else if (m.op === 'copy-line') lines.splice(i, 0, lines[i] ?? '');
      else if (m.op === 'swap-lines') {
        const j = at(m.with, lines.length - 1);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      }
      return lines.join('\n');
    }
  }
}

export interface FuzzCase {
  readonly seedName: string;
  readonly kind: DocumentKind;
  /** The text analysed first, and the edit of it analysed incrementally after. */
  readonly text: string;
  readonly edited: string;
  readonly settings: Settings;
  /** The decoding of raw bytes the CLI makes (syntax/bytes.ts): characters stand for bytes. */
  readonly exactBytes: boolean;
  /** Where to ask for hovers, completions, definitions and references; some outside the document. */
  readonly positions: readonly Position[];
}

const settings: fc.Arbitrary<Settings> = fc.record(
  {
    target: fc.constantFrom(...TARGETS),
    profile: fc.constantFrom('production' as const, 'development' as const),
    minPasswordLength: fc.integer({ min: 0, max: 64 }),
    // Now and then a small limit, for the partial analysis of documents over it.
    maxDocumentSize: fc.integer({ min: 0, max: 5000 }),
    included: fc.boolean(),
  },
  { requiredKeys: ['target', 'profile'] },
);

const position = fc.oneof(
  { weight: 6, arbitrary: fc.record({ line: fc.nat({ max: 3000 }), character: fc.nat({ max: 200 }) }) },
  fc.record({ line: fc.integer({ min: 0, max: 1_000_000 }), character: fc.integer({ min: 0, max: 1_000_000 }) }),
);

/** A mutated real file (most of the time), or random bytes read as the CLI or as an editor reads them. */
export function fuzzCase(seeds: readonly Seed[]): fc.Arbitrary<FuzzCase> {
  const fromSeed = fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(mutation, { minLength: 1, maxLength: 8 }),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      fc.option(fc.constantFrom<DocumentKind>('config', 'sentinel', 'acl'), { freq: 8 }),
    )
    .map(([seed, first, then, kind]) => {
      const text = first.reduce(mutate, seed.text);
      return { seedName: seed.name, kind: kind ?? seed.kind, text, edited: then.reduce(mutate, text), exactBytes: false };
    });
  const bytes = fc
    .tuple(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      fc.constantFrom<DocumentKind>('config', 'sentinel', 'acl'),
      fc.boolean(),
    )
    .map(([b, then, kind, exact]) => {
      const text = Buffer.from(b).toString(exact ? 'latin1' : 'utf8');
      return { seedName: 'random bytes', kind, text, edited: then.reduce(mutate, text), exactBytes: exact };
    });
  return fc
    .tuple(fc.oneof({ weight: 5, arbitrary: fromSeed }, bytes), settings, fc.array(position, { minLength: 4, maxLength: 12 }))
    .map(([c, s, positions]) => ({ ...c, settings: s, positions }));
}

/** Other files a document may name: an ACL file, an included config, a glob over both. */
function memorySource(seeds: readonly Seed[]): FileSource {
  const files = new Map<string, string>([
    [`${DIR}/users.acl`, seeds.find((s) => s.kind === 'acl')?.text ?? 'user default on nopass ~* +@all\n'],
    [`${DIR}/other.conf`, seeds.find((s) => s.kind === 'config')?.text ?? 'port 6379\n'],
    // An include of itself, for the cycle check.
    [`${DIR}/loop.conf`, `include ${DIR}/loop.conf\n`],
  ]);
  return {
    read: (path) => files.get(path),
    glob: (pattern) => [...files.keys()].filter((p) => minimatch(p, pattern)).sort(),
  };
}

/** Runs `fn`, failing when it takes longer than the deadline. */
function call<T>(what: string, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  const took = performance.now() - started;
  if (took > CALL_DEADLINE_MS) throw new Error(`${what} took ${took.toFixed(0)} ms (deadline ${CALL_DEADLINE_MS} ms)`);
  return result;
}

function fail(message: string): never {
  throw new Error(message);
}

function lineLength(doc: TextDocument, line: number): number {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
}

function checkPosition(doc: TextDocument, p: Position, what: string): void {
  if (!(Number.isInteger(p.line) && p.line >= 0 && p.line < doc.lineCount)) fail(`${what}: line ${p.line} outside 0..${doc.lineCount - 1}`);
  const length = lineLength(doc, p.line);
  if (!(Number.isInteger(p.character) && p.character >= 0 && p.character <= length))
    fail(`${what}: character ${p.character} outside line ${p.line} of length ${length}`);
  const back = doc.positionAt(doc.offsetAt(p));
  // A position inside a line break (between \r and \n) does not map back to itself.
  if (back.line !== p.line || back.character !== p.character) fail(`${what}: position ${JSON.stringify(p)} is not a place in the text`);
}

function checkRange(doc: TextDocument, r: Range, what: string): void {
  checkPosition(doc, r.start, what);
  checkPosition(doc, r.end, what);
  if (doc.offsetAt(r.start) > doc.offsetAt(r.end)) fail(`${what}: range ${JSON.stringify(r)} ends before it starts`);
}

const fixedHex = (bytes: number): string => 'ab'.repeat(bytes);

/** What an analysis says, for comparing the incremental one with a fresh one. */
function summary(a: Analysis): string {
  return JSON.stringify(a.findings.map((f) => [f.code, f.severity, f.message, f.range, f.data, f.related]));
}

/** Every feature on one analysis; throws on the first problem. */
function exercise(doc: TextDocument, analysis: Analysis, c: FuzzCase, source: FileSource): void {
  const ctx = { path: DOC_PATH, source };
  for (const f of analysis.findings) {
    if (!f.data?.includedFile) checkRange(doc, f.range, `finding ${f.code}`);
    if (f.message.length === 0) fail(`finding ${f.code} has no message`);
  }
  for (const p of c.positions) {
    const where = `at ${p.line}:${p.character}`;
    const h = call(`hover ${where}`, () => hoverAt(analysis, p, { ...ctx, extensionCommands: true }));
    if (h) checkRange(doc, h.range, `hover ${where}`);
    for (const item of call(`completion ${where}`, () => completionsAt(analysis, p, ctx))) checkRange(doc, item.range, `completion ${where}`);
    const def = call(`definition ${where}`, () => definitionAt(analysis, p, DOC_PATH));
    if (def && def.file === undefined) checkRange(doc, def.range, `definition ${where}`);
    for (const r of call(`references ${where}`, () => userReferencesAt(analysis, p, ctx)))
      if (r.file === undefined) checkRange(doc, r.range, `reference ${where}`);
  }
  for (const s of call('symbols', () => documentSymbols(analysis))) {
    checkRange(doc, s.range, 'symbol');
    checkRange(doc, s.selectionRange, 'symbol selection');
  }
  for (const f of call('folding', () => foldingRanges(analysis)))
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < doc.lineCount)) fail(`folding ${f.startLine}..${f.endLine} outside the document`);
  for (const h of call('inlay hints', () => inlayHints(analysis))) checkPosition(doc, h.position, 'inlay hint');
  const half = Math.floor(doc.lineCount / 2);
  for (const h of call('inlay hints of a range', () => inlayHints(analysis, half, half + 50))) checkPosition(doc, h.position, 'inlay hint of a range');
  for (const l of call('links', () => fileLinks(analysis, DOC_PATH))) checkRange(doc, l.range, 'link');
  const tokens = call('semantic tokens', () => semanticTokens(analysis));
  for (const t of tokens) checkRange(doc, t.range, `semantic token ${t.type}`);
  const encoded = call('semantic tokens encoding', () => encodeSemanticTokens(tokens));
  if (encoded.some((n) => !Number.isInteger(n) || n < 0)) fail('semantic tokens encode a negative or fractional number');

  // Each fix of the first findings, applied; their code actions through the LSP glue.
  const own = analysis.findings.filter((f) => !f.data?.includedFile).slice(0, 40);
  const fixContext = { ...ctx, randomHex: fixedHex };
  for (const f of own) {
    for (const fix of call(`fixes of ${f.code}`, () => fixesFor(analysis, f, fixContext))) {
      for (const fileEdit of fix.edits) {
        if (fileEdit.file !== undefined) continue;
        for (const e of fileEdit.edits) checkRange(doc, e.range, `fix "${fix.title}" of ${f.code}`);
        const fixed = call(`applying "${fix.title}"`, () => applyEdits(doc.getText(), fileEdit.edits).text);
        call(`analysis after "${fix.title}"`, () => analyzeDocument(fixed, c.kind, c.settings, { path: DOC_PATH, source, exactBytes: c.exactBytes }));
      }
    }
  }
  const diagnostics = own.map((f) => toDiagnostic(f, URI));
  const actions = call('code actions', () =>
    codeActions(analysis, URI, { diagnostics }, { ...fixContext, showsNotices: false }, { lazy: false, data: undefined, compute: () => fixAll(analysis) }),
  );
  for (const a of actions)
    for (const edits of Object.values(a.edit?.changes ?? {})) for (const e of edits) checkRange(doc, e.range, `code action "${a.title}"`);
  const all = call('fix all', () => fixAll(analysis));
  for (const e of all.edits) checkRange(doc, e.range, 'fix all');
  const fixedAll = call('applying fix all', () => applyEdits(doc.getText(), all.edits).text);
  call('analysis after fix all', () => analyzeDocument(fixedAll, c.kind, c.settings, { path: DOC_PATH, source, exactBytes: c.exactBytes }));
}

/** One input through every feature, then its edit analysed incrementally and compared with a fresh analysis. */
export function checkCase(c: FuzzCase, source: FileSource): void {
  const context = { path: DOC_PATH, source, exactBytes: c.exactBytes };
  const doc = TextDocument.create(URI, c.kind === 'acl' ? 'redis-acl' : 'redis-conf', 1, c.text);
  const first = call('analysis', () => analyzeDocument(c.text, c.kind, c.settings, context));
  exercise(doc, first, c, source);
  const incremental = call('incremental analysis', () => analyzeDocument(c.edited, c.kind, c.settings, context, first));
  const fresh = call('analysis of the edit', () => analyzeDocument(c.edited, c.kind, c.settings, context));
  if (summary(incremental) !== summary(fresh)) fail('the incremental analysis of the edit differs from a fresh analysis of it');
  exercise(TextDocument.create(URI, doc.languageId, 2, c.edited), incremental, c, source);
}

export interface FuzzOptions {
  readonly seconds: number;
  readonly seed: number;
  /** fast-check's path of a failure, to replay just that case. */
  readonly path?: string;
}

/** Runs cases for `seconds`; throws fast-check's report (seed, path, the shrunk case) on a failure. */
export function fuzz(options: FuzzOptions): { runs: number; seeds: number } {
  const seeds = seedFiles();
  const source = memorySource(seeds);
  let runs = 0;
  fc.assert(
    fc.property(fuzzCase(seeds), (c) => {
      runs++;
      checkCase(c, source);
    }),
    {
      seed: options.seed,
      ...(options.path ? { path: options.path } : {}),
      numRuns: options.path ? 1 : Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: options.seconds * 1000,
      markInterruptAsFailure: false,
      endOnFailure: false,
    },
  );
  return { runs, seeds: seeds.length };
}
