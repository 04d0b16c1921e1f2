// A copy of the repository as it is now (its tracked files and new ones git does not ignore,
// not node_modules/, which is linked), for a test that runs a command that writes into the
// repository (`npm start` builds dist/, `npm run release -- --publish` writes versions and the
// baseline): the work tree itself, and the tests running beside, are never touched.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Copies the repository into a new temporary folder and returns its path; with `git`, the copy is a repository with one commit of it all. */
export function copyRepository(options: { git?: boolean } = {}): string {
  const copy = mkdtempSync(join(tmpdir(), 'partnero-repo-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(copy, file));
    } catch (error) {
      // A tracked file deleted in the work tree is not part of it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  if (options.git) {
    const git = (...args: string[]): void => void execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
    git('init', '-q');
    // The linked node_modules is a link, not the folder .gitignore names.
    writeFileSync(join(copy, '.git', 'info', 'exclude'), '/node_modules\n');
    git('add', '-A');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'copy');
  }
  return copy;
}
