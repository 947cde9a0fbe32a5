// tsc --strict --noEmit over generated files, against the real kysely, zod and drizzle-orm
// packages: the files are written under the project's node_modules so that they resolve there.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_DIR } from './documents.js';

/** tsc's diagnostics, one line each (empty when every file compiles). */
export function typeCheck(files: Record<string, string>): string[] {
  const dir = join(REPO_DIR, 'node_modules', '.cache', 'schemadoc-typecheck', randomBytes(4).toString('hex'));
  mkdirSync(dir, { recursive: true });
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      return path;
    });
    const program = ts.createProgram(paths, {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'], skipLibCheck: true, noUnusedLocals: false, exactOptionalPropertyTypes: false,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      const line = where && d.file ? d.file.text.split('\n')[where.line] : '';
      return `${d.file ? d.file.fileName.slice(dir.length + 1) : ''}${where ? `:${where.line + 1}:${where.character + 1}` : ''} ${text}${line ? `\n    ${line.trim()}` : ''}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
