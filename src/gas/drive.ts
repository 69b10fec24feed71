// The drive layer: files the add-on itself makes, through the Advanced Drive
// service (v3) under the drive.file scope, which reaches only "files created or
// opened by the app". Never DriveApp: each of its methods needs the full drive
// scope. Docs are made here (not with DocumentApp.create) so that they are the
// app's own files, which drive.file may move and trash.
import { itaError } from '../core/errors';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

const DOC_MIME = 'application/vnd.google-apps.document';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

function files(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  if (!Drive) {
    throw itaError({
      th: 'ยังไม่ได้เปิดบริการ Drive ขั้นสูงของส่วนเสริม กรุณาแจ้งผู้ดูแลส่วนเสริม',
      en: 'The Advanced Drive service is not enabled for this add-on',
    });
  }
  return Drive.Files;
}

/** A file the add-on made: its id and the link a person opens. */
export interface Made {
  readonly id: string;
  readonly url: string;
}

/**
 * The links people open, from the id: Drive answers only "kind, id, name,
 * mimeType" unless asked for more, and these addresses are stable.
 */
const LINK = {
  doc: (id: string) => `https://docs.google.com/document/d/${id}/edit`,
  file: (id: string) => `https://drive.google.com/file/d/${id}/view`,
  folder: (id: string) => `https://drive.google.com/drive/folders/${id}`,
};

function idOf(f: DriveFile): string {
  if (!f.id) throw new Error('Drive answered no file id');
  return f.id;
}

const inFolder = (folderId?: string): Pick<DriveFile, 'parents'> => (folderId ? { parents: [folderId] } : {});

/** A new, empty Google Doc in a folder of the add-on's (My Drive when none). */
export function createDoc(name: string, folderId?: string): Made {
  const id = idOf(files().create({ name, mimeType: DOC_MIME, ...inFolder(folderId) }));
  return { id, url: LINK.doc(id) };
}

/** A new file holding a blob (a PDF), in a folder of the add-on's. */
export function createFile(name: string, blob: GoogleAppsScript.Base.Blob, folderId?: string): Made {
  const id = idOf(files().create({ name, mimeType: blob.getContentType() ?? 'application/octet-stream', ...inFolder(folderId) }, blob));
  return { id, url: LINK.file(id) };
}

/** A new folder in My Drive, or in a folder of the add-on's. */
export function createFolder(name: string, parentId?: string): Made {
  const id = idOf(files().create({ name, mimeType: FOLDER_MIME, ...inFolder(parentId) }));
  return { id, url: LINK.folder(id) };
}

/**
 * Drive's answer for a file this user's add-on cannot see: 404 "File not found"
 * (developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid).
 */
const notFound = (e: unknown) => /\bnot found\b|\b404\b/i.test(e instanceof Error ? e.message : String(e));

/**
 * A file of the add-on's that is still there: its state, or undefined when it
 * is gone or out of this user's reach. Any other failure (a quota, an outage)
 * is thrown: it says nothing about the file.
 */
function stateOf(id: string): { trashed: boolean; mimeType: string } | undefined {
  try {
    const f = files().get(id, { fields: 'trashed,mimeType' });
    return { trashed: f.trashed === true, mimeType: f.mimeType ?? '' };
  } catch (e) {
    if (notFound(e)) return undefined;
    throw e;
  }
}

/**
 * A copy of a Doc the add-on may reach (one it made: drive.file), whole —
 * header, footer, page numbers, styles and all — in a folder of the add-on's
 * (files.copy, developers.google.com/workspace/drive/api/reference/rest/v3/files/copy).
 * Undefined when Drive does not let the add-on see the Doc (404): a unit's
 * template shared by link, which the Document service still opens.
 */
export function copyDoc(id: string, name: string, folderId?: string): Made | undefined {
  try {
    const copy = idOf(files().copy({ name, ...inFolder(folderId) }, id));
    return { id: copy, url: LINK.doc(copy) };
  } catch (e) {
    if (notFound(e)) return undefined;
    throw e;
  }
}

/** A folder of the add-on's that is still there (not trashed), or undefined. */
export function liveFolder(id: string): Made | undefined {
  const f = stateOf(id);
  return f && !f.trashed && f.mimeType === FOLDER_MIME ? { id, url: LINK.folder(id) } : undefined;
}

/** Whether a file the add-on made is there for this user: not in the trash, not deleted for good. */
export function isLive(id: string): boolean {
  const f = stateOf(id);
  return f !== undefined && !f.trashed;
}

/** Whether a Doc the add-on made is in the trash (false when Drive does not let it see the Doc). */
export function inTrash(id: string): boolean {
  return stateOf(id)?.trashed === true;
}

/**
 * The add-on's files of that name in a folder, not in the trash (files.list
 * with a search query, developers.google.com/workspace/drive/api/guides/search-files:
 * "Escape single quotes with a backslash"); under drive.file only files the
 * add-on made are seen.
 */
export function filesNamed(name: string, folderId: string): string[] {
  const q = `name = '${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' and '${folderId}' in parents and trashed = false`;
  return (files().list({ q, fields: 'files(id)', pageSize: 20 }).files ?? []).map((f) => f.id ?? '').filter(Boolean);
}

/** Moves a file of the add-on's to the trash; answers whether it did. */
export function trash(id: string): boolean {
  try {
    files().update({ trashed: true }, id);
    return true;
  } catch {
    return false;
  }
}
