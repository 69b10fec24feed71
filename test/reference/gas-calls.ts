// Conformance of the add-on's Apps Script calls with Google's reference.
//
// The analysis, in three parts:
// 1. `findAppsScriptUses` walks src/ with the TypeScript type checker (one Program
//    built from tsconfig.gas.json) and lists every call, `new` and method reference
//    whose target is declared in @types/google-apps-script, by qualified name
//    (e.g. GoogleAppsScript.Document.Body.appendTable; a method inherited from
//    another interface is named after the interface that declares it).
// 2. `loadReference` reads Google's Apps Script reference as shipped by
//    gas-types-detailed (.d.ts files whose JSDoc carries the "Authorization" scopes,
//    the deprecation notes and the reference URL of each method).
// 3. `checkUses` compares the two with the manifest (appsscript.json): a method
//    missing from the reference, deprecated, or needing a scope the manifest lacks
//    is a problem; advanced services (@types/google-apps-script/apis/*) must be
//    enabled in the manifest at the right version and each REST method must be in
//    ADVANCED_METHOD_SCOPES below, with a scope the manifest declares.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPES_DIR = `${sep}node_modules${sep}@types${sep}google-apps-script${sep}`;
const REFERENCE_DIR = join(ROOT, 'node_modules', 'gas-types-detailed');
/** DriveApp's declarations: the built-in Drive service, which needs the full drive scope. */
const DRIVE_APP_FILE = 'google-apps-script.drive.d.ts';

// ---------------------------------------------------------------------------
// Scopes the add-on must never ask for.

export const FORBIDDEN_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.readonly',
];

// ---------------------------------------------------------------------------
// Advanced services: the scopes of each REST method, from Google's REST reference.
// Each page lists them under "Authorization scopes" ("Requires one of the following
// OAuth scopes"); the same lists are the `scopes` of each method in the Drive v3
// Discovery document (https://www.googleapis.com/discovery/v1/apis/drive/v3/rest).
// Key: `<serviceId>.<version>:<resource>.<method>`.

const D = 'https://www.googleapis.com/auth/drive';
const V3 = 'https://developers.google.com/workspace/drive/api/reference/rest/v3/files';

export interface RestMethodScopes {
  readonly scopes: readonly string[];
  /** The reference page that lists the scopes. */
  readonly source: string;
}

export const ADVANCED_METHOD_SCOPES: Readonly<Record<string, RestMethodScopes>> = {
  'drive.v3:files.copy': { scopes: [D, `${D}.appdata`, `${D}.file`, `${D}.photos.readonly`], source: `${V3}/copy` },
  'drive.v3:files.create': { scopes: [D, `${D}.appdata`, `${D}.file`], source: `${V3}/create` },
  'drive.v3:files.delete': { scopes: [D, `${D}.appdata`, `${D}.file`], source: `${V3}/delete` },
  'drive.v3:files.emptyTrash': { scopes: [D], source: `${V3}/emptyTrash` },
  'drive.v3:files.export': { scopes: [D, `${D}.file`, `${D}.meet.readonly`, `${D}.readonly`], source: `${V3}/export` },
  'drive.v3:files.generateIds': { scopes: [D, `${D}.appdata`, `${D}.file`], source: `${V3}/generateIds` },
  'drive.v3:files.get': {
    scopes: [D, `${D}.appdata`, `${D}.file`, `${D}.meet.readonly`, `${D}.metadata`, `${D}.metadata.readonly`, `${D}.photos.readonly`, `${D}.readonly`],
    source: `${V3}/get`,
  },
  'drive.v3:files.list': {
    scopes: [D, `${D}.appdata`, `${D}.file`, `${D}.meet.readonly`, `${D}.metadata`, `${D}.metadata.readonly`, `${D}.photos.readonly`, `${D}.readonly`],
    source: `${V3}/list`,
  },
  'drive.v3:files.update': { scopes: [D, `${D}.appdata`, `${D}.file`, `${D}.metadata`, `${D}.scripts`], source: `${V3}/update` },
};

// ---------------------------------------------------------------------------
// Part 1: the Apps Script uses in the source.

export interface AdvancedService {
  /** The global the .d.ts declares, which must be the manifest's userSymbol (e.g. Drive). */
  readonly userSymbol: string;
  readonly serviceId: string;
  readonly version: string;
  /** e.g. files.create; undefined for a local constructor (Drive.newFile()). */
  readonly restMethod: string | undefined;
}

export interface AppsScriptUse {
  /** Path from the repository root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** e.g. GoogleAppsScript.Spreadsheet.Range.setValues. */
  readonly name: string;
  /** call (or optional call), new, reference (a method taken as a value or destructured), unresolved (no such member in the types). */
  readonly kind: 'call' | 'new' | 'reference' | 'unresolved';
  /** The chosen overload's parameter types, when the checker resolved one. */
  readonly params: string | undefined;
  /** The declaring .d.ts (basename). */
  readonly declaredIn: string;
  readonly advanced: AdvancedService | undefined;
  /**
   * The method named after the receiver's type, when it inherits the method from the
   * declaring interface (GoogleAppsScript.Document.Body.getNextSibling, declared on
   * Element): Google's reference may say more of it there (deprecated for Body).
   */
  readonly receiverName?: string;
}

export interface Analysis {
  readonly uses: readonly AppsScriptUse[];
  /** Every place an identifier refers to a DriveApp declaration (DriveApp itself, its classes). */
  readonly driveAppUses: readonly { file: string; line: number; text: string }[];
}

/** One Program over src/ (tsconfig.gas.json settings), plus extra root files (fixtures). */
export function createProgram(extraRoots: readonly string[] = []): ts.Program {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.gas.json'), undefined, host);
  if (!parsed) throw new Error('cannot read tsconfig.gas.json');
  return ts.createProgram({ rootNames: [...parsed.fileNames, ...extraRoots], options: { ...parsed.options, noEmit: true } });
}

const isTypesFile = (fileName: string) => fileName.split('/').join(sep).includes(TYPES_DIR);
const relPath = (fileName: string) => relative(ROOT, fileName).split(sep).join('/');

type MethodLike = ts.MethodSignature | ts.MethodDeclaration | ts.FunctionDeclaration | ts.ConstructSignatureDeclaration | ts.CallSignatureDeclaration | ts.PropertySignature;

function isMethodLike(d: ts.Node): d is MethodLike {
  return ts.isMethodSignature(d) || ts.isMethodDeclaration(d) || ts.isFunctionDeclaration(d) || ts.isConstructSignatureDeclaration(d) || ts.isCallSignatureDeclaration(d) || ts.isPropertySignature(d);
}

/** GoogleAppsScript.Spreadsheet.Range.setValues: the names of the declaration and its enclosing interfaces and namespaces. */
export function qualifiedName(decl: ts.Node): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = decl; n; n = n.parent) {
    if (ts.isSourceFile(n)) break;
    if (ts.isConstructSignatureDeclaration(n)) parts.push('new');
    else if (ts.isCallSignatureDeclaration(n)) parts.push('call');
    else if (ts.isTypeLiteralNode(n)) parts.push('{}');
    else if (
      ts.isMethodSignature(n) || ts.isMethodDeclaration(n) || ts.isPropertySignature(n) || ts.isFunctionDeclaration(n) ||
      ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n) || ts.isModuleDeclaration(n) || ts.isEnumDeclaration(n) ||
      ts.isVariableDeclaration(n) || ts.isTypeAliasDeclaration(n)
    ) {
      const name = n.name;
      if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.push(name.text);
    }
  }
  return parts.reverse().join('.');
}

/** A parameter list by types only, without spaces: (string,number?,...any[]). Both packages derive from DefinitelyTyped, so the same overload reads the same. */
function paramKey(params: ts.NodeArray<ts.ParameterDeclaration>, sf: ts.SourceFile): string {
  const one = (p: ts.ParameterDeclaration) => `${p.dotDotDotToken ? '...' : ''}${p.type ? p.type.getText(sf) : 'any'}${p.questionToken ? '?' : ''}`;
  return `(${params.map(one).join(',')})`.replace(/\s+/g, '').replace(/,\)$/, ')');
}

function paramsOf(decl: ts.Declaration): string | undefined {
  if (ts.isMethodSignature(decl) || ts.isMethodDeclaration(decl) || ts.isFunctionDeclaration(decl) || ts.isConstructSignatureDeclaration(decl) || ts.isCallSignatureDeclaration(decl)) {
    return paramKey(decl.parameters, decl.getSourceFile());
  }
  return undefined;
}

const advancedCache = new Map<string, { userSymbol: string; serviceId: string; version: string; rootInterface: string } | null>();

/** For a declaration in @types/google-apps-script/apis/<service>_<version>.d.ts: the service, its global, its root interface. */
function advancedServiceOf(sf: ts.SourceFile) {
  const hit = advancedCache.get(sf.fileName);
  if (hit !== undefined) return hit;
  let found: { userSymbol: string; serviceId: string; version: string; rootInterface: string } | null = null;
  const m = /^(.+?)_(v\d+(?:_\d+)?)\.d\.ts$/.exec(basename(sf.fileName));
  if (sf.fileName.split('/').join(sep).includes(`${TYPES_DIR}apis${sep}`) && m) {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const v of st.declarationList.declarations) {
        // declare var Drive: GoogleAppsScript.Drive | undefined;
        const t = v.type && ts.isUnionTypeNode(v.type) ? v.type.types.find((x) => ts.isTypeReferenceNode(x)) : v.type;
        if (ts.isIdentifier(v.name) && t && ts.isTypeReferenceNode(t)) {
          found = { userSymbol: v.name.text, serviceId: m[1]!, version: m[2]!.replace(/_/g, '.'), rootInterface: t.typeName.getText(sf) };
        }
      }
    }
  }
  advancedCache.set(sf.fileName, found);
  return found;
}

function advancedOf(decl: ts.Declaration, name: string): AdvancedService | undefined {
  const svc = advancedServiceOf(decl.getSourceFile());
  if (!svc) return undefined;
  const owner = name.slice(0, name.lastIndexOf('.'));
  const method = name.slice(name.lastIndexOf('.') + 1);
  // Methods of the service's root interface (Drive.newFile()) build local objects: no request.
  if (owner === svc.rootInterface) return { ...svc, restMethod: undefined };
  // FilesCollection.create -> files.create
  const collection = owner.slice(owner.lastIndexOf('.') + 1).replace(/Collection$/, '');
  const resource = collection.charAt(0).toLowerCase() + collection.slice(1);
  return { userSymbol: svc.userSymbol, serviceId: svc.serviceId, version: svc.version, restMethod: `${resource}.${method}` };
}

/** Strips parentheses, `!`, `as` and `satisfies` around a callee. */
function skipOuter(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

function resolveAlias(checker: ts.TypeChecker, s: ts.Symbol): ts.Symbol {
  return s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}

/** The Apps Script method declarations a symbol stands for (several for a union's member, or overloads). */
function appsScriptDecls(checker: ts.TypeChecker, s: ts.Symbol | undefined): ts.Declaration[] {
  if (!s) return [];
  return (resolveAlias(checker, s).declarations ?? []).filter((d) => isTypesFile(d.getSourceFile().fileName) && isMethodLike(d) && !ts.isPropertySignature(d));
}

/** Types whose declarations are Apps Script's: for naming a member the types lack. */
function appsScriptTypeName(checker: ts.TypeChecker, t: ts.Type): string | undefined {
  for (const part of t.isUnion() ? t.types : [t]) {
    const d = part.getSymbol()?.declarations?.[0];
    if (d && isTypesFile(d.getSourceFile().fileName)) return qualifiedName(d);
  }
  return undefined;
}

export function findAppsScriptUses(program: ts.Program, include: (file: string) => boolean): Analysis {
  const checker = program.getTypeChecker();
  const uses: AppsScriptUse[] = [];
  const driveAppUses: { file: string; line: number; text: string }[] = [];
  const seen = new Set<string>();

  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !include(relPath(sf.fileName))) continue;
    const file = relPath(sf.fileName);
    const record = (at: ts.Node, kind: AppsScriptUse['kind'], decl: ts.Declaration | undefined, name: string, params: string | undefined, receiverName?: string) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(at.getStart(sf));
      const key = `${file}:${line}:${character}:${name}:${params ?? ''}:${receiverName ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      uses.push({
        file, line: line + 1, column: character + 1, name, kind, params,
        declaredIn: decl ? basename(decl.getSourceFile().fileName) : '',
        advanced: decl ? advancedOf(decl, name) : undefined,
        ...(receiverName ? { receiverName } : {}),
      });
    };

    /**
     * Records the targets of a call or `new`. For `x.m()` and `x['m']()`: m of each
     * Apps Script type x may have (each member of a union), named after the interface
     * that declares it, with the receiver's own name when that differs (Body.asText is
     * declared on Element). Otherwise (an alias, a destructured method): the overload
     * the checker resolved.
     */
    const recordCall = (node: ts.CallExpression | ts.NewExpression) => {
      const kind = ts.isNewExpression(node) ? 'new' : 'call';
      const callee = skipOuter(node.expression);
      const sig = checker.getResolvedSignature(node);
      const resolved = sig?.declaration && !ts.isJSDocSignature(sig.declaration) && isTypesFile(sig.declaration.getSourceFile().fileName) && isMethodLike(sig.declaration) ? sig.declaration : undefined;
      const resolvedParams = resolved ? paramsOf(resolved) : undefined;

      const targets: { decl: ts.Declaration; receiver: string | undefined }[] = [];
      const member = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression) ? callee.argumentExpression.text : undefined;
      const receiverParts: ts.Type[] = [];
      if (member !== undefined && (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) {
        const receiver = checker.getNonNullableType(checker.getTypeAtLocation(callee.expression));
        for (const part of receiver.isUnion() ? receiver.types : [receiver]) {
          const apparent = checker.getApparentType(part.isTypeParameter() ? checker.getBaseConstraintOfType(part) ?? part : part);
          receiverParts.push(apparent);
          const owner = appsScriptTypeName(checker, apparent);
          for (const d of appsScriptDecls(checker, checker.getPropertyOfType(apparent, member))) targets.push({ decl: d, receiver: owner });
        }
      }
      if (resolved && !targets.some((t) => t.decl === resolved)) targets.push({ decl: resolved, receiver: undefined });

      const groups = new Map<string, { name: string; receiver: string | undefined; decls: ts.Declaration[] }>();
      for (const t of targets) {
        const name = qualifiedName(t.decl);
        const owner = name.slice(0, name.lastIndexOf('.'));
        const receiverName = t.receiver && t.receiver !== owner ? `${t.receiver}.${name.slice(name.lastIndexOf('.') + 1)}` : undefined;
        const key = `${name} ${receiverName ?? ''}`;
        const g = groups.get(key) ?? { name, receiver: receiverName, decls: [] };
        if (!g.decls.includes(t.decl)) g.decls.push(t.decl);
        groups.set(key, g);
      }
      for (const { name, receiver, decls } of groups.values()) {
        // The overload the checker chose (or one written the same, for a union's other members); else all of them.
        const exact = resolved && decls.includes(resolved) ? resolved : decls.find((d) => resolvedParams !== undefined && paramsOf(d) === resolvedParams);
        const only = exact ?? (decls.length === 1 ? decls[0] : undefined);
        record(node, kind, exact ?? decls[0], name, only ? paramsOf(only) : undefined, receiver);
      }

      // A member the Apps Script types lack (only in code that does not type-check, e.g. under @ts-expect-error).
      if (!groups.size && member !== undefined && !receiverParts.some((t) => checker.getPropertyOfType(t, member))) {
        const owner = receiverParts.map((t) => appsScriptTypeName(checker, t)).find((n) => n !== undefined);
        if (owner) record(node, 'unresolved', undefined, `${owner}.${member}`, undefined);
      }
    };

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) recordCall(node);
      else if (ts.isTaggedTemplateExpression(node)) {
        const sig = checker.getResolvedSignature(node);
        if (sig?.declaration && !ts.isJSDocSignature(sig.declaration) && isTypesFile(sig.declaration.getSourceFile().fileName)) record(node, 'call', sig.declaration, qualifiedName(sig.declaration), paramsOf(sig.declaration));
      }

      // A method taken as a value (passed on, stored, destructured) is a use too.
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const parent = node.parent;
        const isCallee = (ts.isCallExpression(parent) || ts.isNewExpression(parent) || ts.isTaggedTemplateExpression(parent)) && skipOuter(ts.isTaggedTemplateExpression(parent) ? parent.tag : parent.expression) === node;
        const viaWrapper = !isCallee && (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) && (ts.isCallExpression(parent.parent) || ts.isNewExpression(parent.parent));
        if (!isCallee && !viaWrapper) {
          const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
          for (const d of appsScriptDecls(checker, checker.getSymbolAtLocation(nameNode))) record(node, 'reference', d, qualifiedName(d), undefined);
        }
      }
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const prop = node.propertyName ?? node.name;
        if (ts.isIdentifier(prop) || ts.isStringLiteral(prop)) {
          const s = checker.getTypeAtLocation(node.parent).getProperty(prop.text);
          for (const d of appsScriptDecls(checker, s)) record(node, 'reference', d, qualifiedName(d), undefined);
        }
      }

      // DriveApp (the built-in Drive service) in any form: the global, its classes, its enums
      // (a member's name, as in DriveApp.getFileById, is the same place: counted once).
      if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
        const s = checker.getSymbolAtLocation(node);
        const decls = s ? resolveAlias(checker, s).declarations ?? [] : [];
        if (decls.length && decls.every((d) => isTypesFile(d.getSourceFile().fileName) && basename(d.getSourceFile().fileName) === DRIVE_APP_FILE)) {
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          driveAppUses.push({ file, line: line + 1, text: node.text });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  uses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.name.localeCompare(b.name));
  return { uses, driveAppUses };
}

/** The distinct methods used, sorted. */
export function distinctMethods(uses: readonly AppsScriptUse[]): string[] {
  return [...new Set(uses.filter((u) => u.kind !== 'unresolved').map((u) => u.name))].sort();
}

// ---------------------------------------------------------------------------
// Part 2: Google's reference (gas-types-detailed).

export interface ReferenceEntry {
  readonly name: string;
  /** Parameter types, as paramKey writes them. */
  readonly params: string;
  /** Any one of these authorises the method; none listed: no scope needed. */
  readonly scopes: readonly string[];
  readonly deprecated: boolean;
  readonly url: string | undefined;
}

/** Qualified name -> its overloads. */
export type Reference = ReadonlyMap<string, readonly ReferenceEntry[]>;

function docComment(node: ts.Node, text: string): string {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const docs = ranges.filter((r) => text.startsWith('/**', r.pos));
  const last = docs[docs.length - 1];
  if (!last) return '';
  return text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, ''))
    .join('\n')
    .trim();
}

/** Google's note at the top of a deprecated class or method: "Deprecated. …", or the @deprecated tag. */
const isDeprecatedDoc = (doc: string) => /^Deprecated\./.test(doc) || /(^|\s)@deprecated\b/.test(doc);

/** The scopes under "Authorization:" ("- https://…" lines after "Scripts that use this method require authorization…"). */
export function scopesOf(doc: string): string[] {
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.trim() === 'Authorization:');
  if (at < 0) return [];
  const out: string[] = [];
  let started = false;
  for (const l of lines.slice(at + 1)) {
    const m = /^-\s+(https?:\/\/\S+)\s*$/.exec(l.trim());
    if (m) {
      out.push(m[1]!);
      started = true;
    } else if (started) break;
  }
  return out;
}

let referenceCache: Reference | undefined;

export function loadReference(dir = REFERENCE_DIR): Reference {
  if (referenceCache && dir === REFERENCE_DIR) return referenceCache;
  const out = new Map<string, ReferenceEntry[]>();
  const files = readdirSync(dir).filter((f) => /^google-apps-script.*\.d\.ts$/.test(f));
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.ES2019, true);
    const walk = (node: ts.Node, ownerDeprecated: boolean): void => {
      if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) {
        const classDeprecated = ownerDeprecated || isDeprecatedDoc(docComment(node, text));
        for (const m of node.members) {
          if (!(ts.isMethodSignature(m) || ts.isMethodDeclaration(m))) continue;
          const doc = docComment(m, text);
          const name = qualifiedName(m);
          const url = /https:\/\/developers\.google\.com\/apps-script\/reference\/\S+/.exec(doc)?.[0];
          const entry: ReferenceEntry = { name, params: paramKey(m.parameters, sf), scopes: scopesOf(doc), deprecated: classDeprecated || isDeprecatedDoc(doc), url };
          out.set(name, [...(out.get(name) ?? []), entry]);
        }
        return;
      }
      ts.forEachChild(node, (c) => walk(c, ownerDeprecated));
    };
    walk(sf, false);
  }
  if (dir === REFERENCE_DIR) referenceCache = out;
  return out;
}

// ---------------------------------------------------------------------------
// Part 3: the check.

/**
 * What @types/google-apps-script declares that gas-types-detailed does not, needing
 * no scope: JavaScript's own Date (typed again in the Base namespace) and the
 * global console (https://developers.google.com/apps-script/reference/base/console).
 */
const OUTSIDE_REFERENCE: readonly (readonly [prefix: string, why: string])[] = [
  ['GoogleAppsScript.Base.Date.', 'JavaScript Date'],
  ['GoogleAppsScript.Base.DateConstructor.', 'JavaScript Date'],
  ['Console.', 'https://developers.google.com/apps-script/reference/base/console'],
];

/**
 * Namespaces gas-types-detailed names otherwise than @types/google-apps-script
 * (its card service is split in two).
 */
const REFERENCE_NAMESPACES: Readonly<Record<string, readonly string[]>> = {
  'GoogleAppsScript.Card_Service': ['GoogleAppsScript.Card', 'GoogleAppsScript.AddOns_Response'],
  'GoogleAppsScript.XML_Service': ['GoogleAppsScript.XML'],
};

/** A method's overloads in the reference, by its @types name. */
export function lookupReference(reference: Reference, name: string): readonly ReferenceEntry[] | undefined {
  const direct = reference.get(name);
  if (direct) return direct;
  for (const [from, tos] of Object.entries(REFERENCE_NAMESPACES)) {
    if (!name.startsWith(`${from}.`)) continue;
    for (const to of tos) {
      const hit = reference.get(to + name.slice(from.length));
      if (hit) return hit;
    }
  }
  return undefined;
}

export interface Manifest {
  readonly oauthScopes?: readonly string[];
  readonly dependencies?: { readonly enabledAdvancedServices?: readonly { userSymbol: string; serviceId: string; version: string }[] };
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as Manifest;
}

export type ProblemKind =
  | 'missing' // not in Google's reference
  | 'deprecated'
  | 'scope' // none of the method's scopes is in the manifest
  | 'forbidden-scope' // authorised only by a scope the add-on must never ask for
  | 'service-not-enabled' // advanced service missing from dependencies.enabledAdvancedServices (or another version)
  | 'unknown-rest-method'; // advanced-service method with no entry in ADVANCED_METHOD_SCOPES

export interface Problem {
  readonly kind: ProblemKind;
  readonly use: AppsScriptUse;
  readonly why: string;
}

/** The number of parameters in a paramKey: commas outside brackets, plus one. */
function arity(params: string): number {
  const inner = params.slice(1, -1);
  if (!inner) return 0;
  let depth = 0;
  let n = 1;
  for (const c of inner) {
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) depth--;
    else if (c === ',' && depth === 0) n++;
  }
  return n;
}

const short = (s: string) => s.replace('https://www.googleapis.com/auth/', '');

function scopeProblem(use: AppsScriptUse, scopes: readonly string[], granted: ReadonlySet<string>, source: string): Problem[] {
  if (!scopes.length || scopes.some((s) => granted.has(s))) return [];
  const allowed = scopes.filter((s) => !FORBIDDEN_SCOPES.includes(s));
  return [{
    kind: allowed.length ? 'scope' : 'forbidden-scope',
    use,
    why: allowed.length
      ? `needs one of [${scopes.map(short).join(', ')}] (${source}); appsscript.json oauthScopes has none of them`
      : `needs [${scopes.map(short).join(', ')}] (${source}): only scopes the add-on must never ask for`,
  }];
}

export function checkUses(uses: readonly AppsScriptUse[], reference: Reference, manifest: Manifest): Problem[] {
  const granted = new Set(manifest.oauthScopes ?? []);
  const enabled = manifest.dependencies?.enabledAdvancedServices ?? [];
  const problems: Problem[] = [];
  for (const use of uses) {
    if (use.kind === 'unresolved') {
      problems.push({ kind: 'missing', use, why: 'no such method in the Apps Script types or in Google\'s reference' });
      continue;
    }
    if (use.advanced) {
      const a = use.advanced;
      const on = enabled.find((s) => s.userSymbol === a.userSymbol);
      if (!on || on.serviceId !== a.serviceId || on.version !== a.version) {
        problems.push({
          kind: 'service-not-enabled',
          use,
          why: on
            ? `advanced service ${a.userSymbol} is enabled as ${on.serviceId} ${on.version}; these types are ${a.serviceId} ${a.version}`
            : `advanced service ${a.userSymbol} (${a.serviceId} ${a.version}) is not in appsscript.json dependencies.enabledAdvancedServices`,
        });
      }
      if (a.restMethod === undefined) continue;
      const key = `${a.serviceId}.${a.version}:${a.restMethod}`;
      const entry = ADVANCED_METHOD_SCOPES[key];
      if (!entry) {
        problems.push({ kind: 'unknown-rest-method', use, why: `REST method ${key} is not in ADVANCED_METHOD_SCOPES (test/reference/gas-calls.ts): add its scopes from the reference` });
        continue;
      }
      problems.push(...scopeProblem(use, entry.scopes, granted, entry.source));
      continue;
    }
    if (OUTSIDE_REFERENCE.some(([prefix]) => use.name.startsWith(prefix))) continue;
    // Google's page for the receiver's class first (Body.getNextSibling is deprecated, Element.getNextSibling is not).
    const overloads = (use.receiverName && lookupReference(reference, use.receiverName)) || lookupReference(reference, use.name);
    if (!overloads?.length) {
      problems.push({ kind: 'missing', use, why: 'not in Google\'s Apps Script reference (gas-types-detailed)' });
      continue;
    }
    // The overload the checker chose: the reference's overload written the same, else those
    // taking as many arguments (the two packages sometimes type a parameter differently:
    // any[][] and any[], string | null and string); else every overload must pass.
    const exact = use.params === undefined ? [] : overloads.filter((o) => o.params === use.params);
    const sameArity = use.params === undefined ? [] : overloads.filter((o) => arity(o.params) === arity(use.params!));
    const candidates = exact.length ? exact : sameArity.length ? sameArity : overloads;
    const deprecated = candidates.filter((o) => o.deprecated);
    if (deprecated.length) {
      const which = candidates.length > 1 && deprecated.length < candidates.length ? ` (overload ${deprecated.map((o) => o.params).join(' ')})` : '';
      problems.push({ kind: 'deprecated', use, why: `deprecated in Google's reference${which}${deprecated[0]!.url ? `: ${deprecated[0]!.url}` : ''}` });
    }
    const seenScopes = new Set<string>();
    for (const o of candidates) {
      const key = o.scopes.join(' ');
      if (seenScopes.has(key)) continue;
      seenScopes.add(key);
      problems.push(...scopeProblem(use, o.scopes, granted, o.url ?? use.name));
    }
  }
  return problems;
}

export function formatProblem(p: Problem): string {
  const via = p.use.receiverName ? ` (as ${p.use.receiverName.slice(p.use.receiverName.lastIndexOf('.', p.use.receiverName.lastIndexOf('.') - 1) + 1)})` : '';
  return `${p.use.file}:${p.use.line} ${p.use.name}${via}${p.use.kind === 'reference' ? ' (taken as a value)' : ''} — ${p.kind}: ${p.why}`;
}

/** The scopes each distinct method needs (any one of), for the summary. */
export function scopesNeeded(uses: readonly AppsScriptUse[], reference: Reference): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const u of uses) {
    if (u.kind === 'unresolved' || out.has(u.name)) continue;
    if (u.advanced) {
      const key = u.advanced.restMethod && `${u.advanced.serviceId}.${u.advanced.version}:${u.advanced.restMethod}`;
      out.set(u.name, (key && ADVANCED_METHOD_SCOPES[key]?.scopes) || []);
    } else out.set(u.name, lookupReference(reference, u.name)?.flatMap((o) => o.scopes).filter((x, i, all) => all.indexOf(x) === i) ?? []);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Part 4: the ways around the type checker. The analysis above sees a call only
// through its types, so code that hides an Apps Script object's type would call
// unchecked methods. None of these may appear in src/.

export interface Escape {
  readonly file: string;
  readonly line: number;
  readonly why: 'call on any' | 'cast away' | 'any holds a service' | 'computed member' | 'globalThis';
  readonly text: string;
}

/** An Apps Script object type (a service, class or interface), not an enum value. */
function isAppsScriptObject(checker: ts.TypeChecker, t: ts.Type): boolean {
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => !(p.flags & ts.TypeFlags.EnumLike) && appsScriptTypeName(checker, checker.getApparentType(p)) !== undefined);
}

const isAny = (t: ts.Type) => (t.flags & ts.TypeFlags.Any) !== 0;

/**
 * Every place that could call Apps Script without the checker seeing which
 * method: a call on an `any` receiver, a cast of an Apps Script object to a type
 * that is not one, an Apps Script object stored as `any`, a member chosen by a
 * non-literal key, and `globalThis`.
 */
export function findEscapes(program: ts.Program, include: (file: string) => boolean): Escape[] {
  const checker = program.getTypeChecker();
  const out: Escape[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !include(relPath(sf.fileName))) continue;
    const file = relPath(sf.fileName);
    const add = (node: ts.Node, why: Escape['why']) => out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, why, text: node.getText(sf).slice(0, 80) });
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = skipOuter(node.expression);
        const receiver = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
        if (isAny(checker.getTypeAtLocation(callee)) || (receiver && isAny(checker.getTypeAtLocation(receiver)))) add(node, 'call on any');
      }
      if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && isAppsScriptObject(checker, checker.getTypeAtLocation(node.expression)) && !isAppsScriptObject(checker, checker.getTypeAtLocation(node))) {
        add(node, 'cast away');
      }
      if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node)) && node.initializer && node.type && isAny(checker.getTypeFromTypeNode(node.type)) && isAppsScriptObject(checker, checker.getTypeAtLocation(node.initializer))) {
        add(node, 'any holds a service');
      }
      if (ts.isElementAccessExpression(node) && !ts.isStringLiteralLike(node.argumentExpression) && !ts.isNumericLiteral(node.argumentExpression) && isAppsScriptObject(checker, checker.getTypeAtLocation(node.expression))) {
        add(node, 'computed member');
      }
      if (ts.isIdentifier(node) && node.text === 'globalThis') add(node, 'globalThis');
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
