/**
 * The "drive.file" scope: the add-on sees only files it created or that the user picked for it.
 * Every other file answers as if it did not exist (404), in both the Drive and the Docs API.
 */
import type { DriveFileRecord } from './context';

export function isVisibleToApp(record: DriveFileRecord): boolean {
  return record.createdByApp || record.pickedByUser === true;
}
