// In-memory fake of the user's Drive as the add-on sees it through the
// Advanced Drive service (v3) under the drive.file scope. The add-on never uses
// DriveApp: every DriveApp method needs the full drive scope
// (developers.google.com/apps-script/reference/drive/drive-app, "Authorization").
import { FakeDocument, type FakeBlob } from './document';

export const MIME = {
  doc: 'application/vnd.google-apps.document',
  folder: 'application/vnd.google-apps.folder',
  sheet: 'application/vnd.google-apps.spreadsheet',
} as const;

/** One file of the Drive, as the Drive API's Files resource describes it. */
export interface DriveRecord {
  readonly id: string;
  name: string;
  readonly mimeType: string;
  parents: string[];
  trashed: boolean;
  /**
   * Created through the API by this app. drive.file reaches "files created or
   * opened by the app" and nothing else
   * (developers.google.com/workspace/drive/api/guides/api-specific-auth#drive-scopes).
   */
  readonly byApp: boolean;
  /**
   * Who was signed in when the add-on made it. drive.file is granted per user:
   * another user of the same spreadsheet reaches the file only if it was shared
   * with them and their own run of the app opened it — never, for the add-on's files.
   */
  readonly by?: string;
  readonly blob?: FakeBlob;
}

const NOT_FOUND = (id: string) =>
  // The Drive API answers 404 "File not found: <id>." for a file the app may not see
  // (developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid).
  new Error(`API call to drive.files failed with error: File not found: ${id}.`);

/** The user's Drive: files by id, Docs' contents, and what the add-on may reach. */
export class FakeDrive {
  readonly docs = new Map<string, FakeDocument>();
  readonly files = new Map<string, DriveRecord>();
  /** The alias "root" names My Drive (developers.google.com/workspace/drive/api/guides/folder). */
  readonly rootId = 'root-folder';
  /** Docs the user owns but the add-on may not open with DocumentApp (no access). */
  readonly forbidden = new Set<string>();
  /** The signed-in user (the harness wires it to Session). */
  user: () => string = () => 'staff@example.go.th';
  /**
   * The daily quota of documents created, when a test sets one: "Documents
   * created 250 / day" (consumer), "1,500 / day" (Workspace); "Quotas are per
   * user and reset 24 hours after the first request" (apps-script/guides/services/quotas).
   */
  docQuota?: { perDay: number; now: () => number; error: () => Error; windowStart?: number; count: number };
  private next = 0;
  constructor() {
    this.files.set(this.rootId, { id: this.rootId, name: 'ไดรฟ์ของฉัน', mimeType: MIME.folder, parents: [], trashed: false, byApp: false });
  }
  /** Counts one document created against the quota; throws once it is spent. */
  spendDoc(): void {
    const q = this.docQuota;
    if (!q) return;
    const t = q.now();
    if (q.windowStart === undefined || t - q.windowStart >= 24 * 3_600_000) {
      q.windowStart = t;
      q.count = 0;
    }
    if (q.count >= q.perDay) throw q.error();
    q.count++;
  }
  newId(prefix: string): string {
    this.next += 1;
    return `${prefix}-${this.next.toString(36).padStart(6, '0')}`;
  }
  /** A Doc the user made themselves (a template of their own), in My Drive. */
  addDocument(name: string, parent = this.rootId): FakeDocument {
    return this.makeDocument(name, [parent], false);
  }
  makeDocument(name: string, parents: string[], byApp: boolean): FakeDocument {
    const doc = new FakeDocument(this.newId('doc'), name);
    // A new Google Doc holds one empty paragraph (a Document's body is never empty:
    // developers.google.com/apps-script/reference/document/body — "a Body must contain at least one Paragraph").
    doc.body.appendParagraph('');
    this.docs.set(doc.id, doc);
    this.files.set(doc.id, { id: doc.id, name, mimeType: MIME.doc, parents, trashed: false, byApp, ...(byApp ? { by: this.user() } : {}) });
    return doc;
  }
  /** A folder the user made (the add-on cannot reach it under drive.file). */
  addFolder(name: string, parent = this.rootId): DriveRecord {
    const f: DriveRecord = { id: this.newId('folder'), name, mimeType: MIME.folder, parents: [parent], trashed: false, byApp: false };
    this.files.set(f.id, f);
    return f;
  }
  /** A file and, for a folder, everything below it. */
  withDescendants(f: DriveRecord): DriveRecord[] {
    const below = [...this.files.values()].filter((c) => c.parents.includes(f.id));
    return [f, ...below.flatMap((c) => this.withDescendants(c))];
  }
  /** Files that are not trashed, in a folder. */
  childrenOf(folderId: string): DriveRecord[] {
    return [...this.files.values()].filter((f) => f.parents.includes(folderId) && !f.trashed);
  }
  /** The name of a file's first parent folder ("" for none). */
  folderNameOf(id: string): string {
    const parent = this.files.get(id)?.parents[0];
    return parent ? (this.files.get(parent)?.name ?? '') : '';
  }
  /** The record the add-on may reach under drive.file, else the API's 404. */
  reachable(id: string): DriveRecord {
    const f = this.files.get(id === 'root' ? this.rootId : id);
    if (!f || !f.byApp || (f.by !== undefined && f.by !== this.user())) throw NOT_FOUND(id);
    return f;
  }
}

/** The Files resource's links (developers.google.com/workspace/drive/api/reference/rest/v3/files: webViewLink). */
function webViewLink(f: DriveRecord): string {
  if (f.mimeType === MIME.doc) return `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`;
  if (f.mimeType === MIME.folder) return `https://drive.google.com/drive/folders/${f.id}`;
  return `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
}

/**
 * The fields a response carries. Without `fields`, files.create/get/update
 * answer the default set "kind, id, name, mimeType" (and resourceKey); other
 * fields come only when asked for
 * (developers.google.com/workspace/drive/api/guides/fields-parameter).
 */
function project(f: DriveRecord, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
  const all: Record<string, unknown> = { kind: 'drive#file', id: f.id, name: f.name, mimeType: f.mimeType, parents: [...f.parents], trashed: f.trashed, webViewLink: webViewLink(f) };
  const fields = typeof optionalArgs?.fields === 'string' ? optionalArgs.fields.split(',').map((s) => s.trim()) : ['kind', 'id', 'name', 'mimeType'];
  return Object.fromEntries(fields.filter((k) => k in all).map((k) => [k, all[k]])) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
}

// files.get is left out of the check: its overload for alt=media answers the bytes.
type FilesMethods = 'create' | 'update' | 'copy' | 'list';
type Files = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;

/**
 * Drive.Files of the Advanced Drive service v3 (developers.google.com/apps-script/advanced/drive:
 * "uses the same objects, methods, and parameters as the public API"; methods
 * take the request body first, then path parameters, then media, then
 * optionalArgs). Only what the add-on calls.
 */
export class FakeFiles implements Pick<Files, FilesMethods> {
  constructor(private readonly drive: FakeDrive) {}
  /**
   * files.create (…/reference/rest/v3/files/create): metadata with name,
   * mimeType and parents; no parents puts the file in My Drive; a Google Docs
   * mimeType without media makes an empty Doc (…/guides/create-file,
   * …/guides/mime-types); with media the blob's bytes are the file. The
   * parent must be a folder the app may write to.
   */
  create(resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
    const parents = (resource.parents ?? [this.drive.rootId]).map((p) => (p === 'root' ? this.drive.rootId : p));
    for (const p of parents) {
      const folder = p === this.drive.rootId ? this.drive.files.get(p)! : this.drive.reachable(p);
      if (folder.mimeType !== MIME.folder || folder.trashed) throw NOT_FOUND(p);
    }
    const name = resource.name ?? 'Untitled';
    const mimeType = resource.mimeType ?? (mediaData as FakeBlob | undefined)?.contentType ?? 'application/octet-stream';
    if (mimeType === MIME.doc && !mediaData) {
      this.drive.spendDoc();
      const doc = this.drive.makeDocument(name, parents, true);
      return project(this.drive.files.get(doc.id)!, optionalArgs);
    }
    const f: DriveRecord = { id: this.drive.newId(mimeType === MIME.folder ? 'folder' : 'file'), name, mimeType, parents, trashed: false, byApp: true, by: this.drive.user(), ...(mediaData ? { blob: mediaData as unknown as FakeBlob } : {}) };
    this.drive.files.set(f.id, f);
    return project(f, optionalArgs);
  }
  /**
   * files.copy (…/reference/rest/v3/files/copy): "Creates a copy of a file and
   * applies any requested updates with patch semantics" — here a name and
   * parents. The file must be one the app may see (drive.file: 404 otherwise);
   * a Doc's copy holds all of it.
   */
  copy(resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File, fileId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
    const src = this.drive.reachable(fileId);
    const parents = (resource.parents ?? src.parents).map((p) => (p === 'root' ? this.drive.rootId : p));
    for (const p of parents) {
      const folder = p === this.drive.rootId ? this.drive.files.get(p)! : this.drive.reachable(p);
      if (folder.mimeType !== MIME.folder || folder.trashed) throw NOT_FOUND(p);
    }
    const name = resource.name ?? `Copy of ${src.name}`;
    const doc = this.drive.docs.get(fileId);
    if (!doc) throw new Error('files.copy of a file that is not a Doc is not faked');
    this.drive.spendDoc();
    const copy = doc.copyAs(this.drive.newId('doc'), name);
    this.drive.docs.set(copy.id, copy);
    const f: DriveRecord = { id: copy.id, name, mimeType: MIME.doc, parents, trashed: false, byApp: true, by: this.drive.user() };
    this.drive.files.set(f.id, f);
    return project(f, optionalArgs);
  }
  /**
   * files.list (…/reference/rest/v3/files/list) with a search query
   * (…/guides/search-files): only the form the add-on sends is understood —
   * `name = '…' and '<folder id>' in parents and trashed = false`, a quote in
   * the name escaped as \' — anything else throws. Under drive.file it answers
   * only files the app may see (…/guides/api-specific-auth).
   */
  list(optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList {
    const q = String(optionalArgs?.q ?? '');
    const m = /^name = '((?:[^'\\]|\\.)*)' and '([^']+)' in parents and trashed = false$/.exec(q);
    if (!m) throw new Error(`files.list query not faked: ${q}`);
    const name = m[1]!.replace(/\\(.)/g, '$1');
    const files = [...this.drive.files.values()].filter((f) => f.byApp && (f.by === undefined || f.by === this.drive.user()) && !f.trashed && f.name === name && f.parents.includes(m[2]!));
    return { files: files.map((f) => project(f, { fields: 'id,name' })) };
  }
  /** files.get (…/reference/rest/v3/files/get): a file's metadata; 404 for one the app may not see. */
  get(fileId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
    return project(this.drive.reachable(fileId), optionalArgs);
  }
  /**
   * files.update (…/reference/rest/v3/files/update): patch semantics — only the
   * fields given change; `trashed: true` moves the file to the trash
   * (…/guides/delete); addParents/removeParents move it.
   */
  update(resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File, fileId: string, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
    const f = this.drive.reachable(fileId);
    if (resource.name !== undefined) f.name = resource.name;
    // "If the target file is a folder, all descendants owned by the user are also
    // trashed" (…/guides/delete#trash).
    if (resource.trashed !== undefined) for (const d of this.drive.withDescendants(f)) d.trashed = resource.trashed;
    const add = typeof optionalArgs?.addParents === 'string' ? optionalArgs.addParents.split(',') : [];
    const remove = typeof optionalArgs?.removeParents === 'string' ? optionalArgs.removeParents.split(',') : [];
    for (const p of add) this.drive.reachable(p);
    f.parents = [...f.parents.filter((p) => !remove.includes(p)), ...add];
    void mediaData;
    return project(f, optionalArgs);
  }
}

/** The global `Drive` an enabled Advanced Drive service (v3) defines. */
export class FakeAdvancedDrive {
  readonly Files: FakeFiles;
  constructor(drive: FakeDrive) {
    this.Files = new FakeFiles(drive);
  }
}
