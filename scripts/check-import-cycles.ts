import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// Type-only imports count too: a cycle through types still ties the two folders together.
const root = resolve(process.argv[2] ?? 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
    .filter((path) => existsSync(path));
}

const graph = new Map(sourceFiles(root).map((file) => [file, localImports(file)]));
const state = new Map<string, 'open' | 'done'>();
const cycles: string[][] = [];

function visit(file: string, path: string[]): void {
  if (state.get(file) === 'done') return;
  if (state.get(file) === 'open') {
    cycles.push([...path.slice(path.indexOf(file)), file]);
    return;
  }
  state.set(file, 'open');
  for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
  state.set(file, 'done');
}

for (const file of graph.keys()) visit(file, []);
for (const cycle of cycles)
  console.error(`import cycle: ${cycle.map((f) => relative(root, f)).join(' -> ')}`);
if (cycles.length > 0) process.exit(1);
console.log(`no import cycle among ${graph.size} files under ${relative(process.cwd(), root) || '.'}`);
