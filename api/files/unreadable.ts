import { UnreadableFileError } from './source';

/** An UnreadableFileError whose message reads Chinese first, then English, like every message. */
export function unreadable(zh: string, en: string): UnreadableFileError {
  return new UnreadableFileError(`${zh} / ${en}`);
}

/** The text of a thrown value, for wrapping a library's own error into ours. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
