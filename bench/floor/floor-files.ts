// The floor page as files to drop into the served dist copy: floor.html as it is, floor.ts compiled to floor.js.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

/** [file name, content] pairs. */
export async function floorPageFiles(): Promise<[string, string][]> {
  const html = await readFile(path.join(import.meta.dirname, 'floor.html'), 'utf8');
  const source = await readFile(path.join(import.meta.dirname, 'floor.ts'), 'utf8');
  // Types only are stripped (no downlevelling), so the browser runs what floor.ts says.
  const script = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext },
  }).outputText;
  return [
    ['floor.html', html],
    ['floor.js', script],
  ];
}
