/**
 * Error messages as each shell prints them. busybox ash names itself `sh`;
 * dash and bash use their $0 and a line number.
 */
import type { ShellFlavour } from '../process/program';
import type { FsError } from '../process/filesystem';
import { ShellSyntaxError } from './ast';

export interface ShellId {
  flavour: ShellFlavour;
  /** $0 as invoked: `sh`, `/bin/sh`, `bash`. */
  argv0: string;
  line: number;
  /** Script came from `-c` (bash says `bash: -c: line 1:` for syntax errors). */
  fromC: boolean;
}

function prefix(id: ShellId): string {
  if (id.flavour === 'ash') return 'sh: ';
  if (id.flavour === 'dash') return `${id.argv0}: ${id.line}: `;
  return `${id.argv0}: line ${id.line}: `;
}

export function notFoundMessage(id: ShellId, name: string): string {
  if (id.flavour === 'bash') {
    return name.includes('/') ? `${prefix(id)}${name}: No such file or directory\n` : `${prefix(id)}${name}: command not found\n`;
  }
  return `${prefix(id)}${name}: not found\n`;
}

const STRERROR: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  EROFS: 'Read-only file system',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
};

export function strerror(e: FsError): string {
  return STRERROR[e];
}

export function cannotCreate(id: ShellId, path: string, e: FsError): string {
  if (id.flavour === 'ash') return `sh: can't create ${path}: ${e === 'ENOENT' ? 'nonexistent directory' : STRERROR[e]}\n`;
  if (id.flavour === 'dash') return `${prefix(id)}cannot create ${path}: ${e === 'ENOENT' ? 'Directory nonexistent' : STRERROR[e]}\n`;
  return `${prefix(id)}${path}: ${STRERROR[e]}\n`;
}

export function cannotOpen(id: ShellId, path: string): string {
  if (id.flavour === 'ash') return `sh: can't open '${path}': No such file or directory\n`;
  if (id.flavour === 'dash') return `${prefix(id)}cannot open ${path}: No such file\n`;
  return `${prefix(id)}${path}: No such file or directory\n`;
}

export function syntaxErrorMessage(id: ShellId, e: ShellSyntaxError, src: string): string {
  const unterminated = e.unexpected === 'unterminated quoted string';
  if (id.flavour === 'ash') {
    if (unterminated) return 'sh: syntax error: unterminated quoted string\n';
    return `sh: syntax error: unexpected ${e.unexpected}${e.expecting && e.unexpected === 'end of file' ? ` (expecting "${e.expecting}")` : ''}\n`;
  }
  if (id.flavour === 'dash') {
    if (unterminated) return `${id.argv0}: ${e.line}: Syntax error: Unterminated quoted string\n`;
    const what = e.unexpected === 'end of file' ? 'end of file' : e.unexpected;
    return `${id.argv0}: ${e.line}: Syntax error: ${what} unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`;
  }
  const where = `${id.argv0}: ${id.fromC ? '-c: ' : ''}line ${e.line}: `;
  if (unterminated || e.unexpected === 'end of file') return `${where}syntax error: unexpected end of file\n`;
  const tok = e.unexpected.replace(/^"(.*)"$/, '$1');
  const lineText = src.split('\n')[e.line - 1] ?? '';
  return `${where}syntax error near unexpected token \`${tok}'\n${where}\`${lineText}'\n`;
}
