import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Modules that import each other (even for a type) are one module split in two: each can only be read,
 * bundled and tested with the other, and at run time one of them sees the other half-initialised. The
 * wiring imports the handlers' types and the handlers import the wiring's builders: that cycle is how
 * the composition roots got tangled (issue 13, item 4). This test walks every relative import (type
 * imports included, as `tsc` reads them) of the app's own code and names each cycle it finds.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_FOLDERS = ['functions', 'lib', 'bin', 'templates'];

function sourceFiles(folder: string): string[] {
  const path = join(ROOT, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    if (statSync(full).isDirectory()) return sourceFiles(relative(ROOT, full));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `./x.js` as NodeNext writes it, resolved to the .ts/.tsx file it stands for. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, base, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

interface ImportEdge {
  target: string;
  /** `import type …`, `export type …`, or every name imported marked `type`: gone at run time. */
  typeOnly: boolean;
}

function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const edges: ImportEdge[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          bindings !== undefined &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((element) => element.isTypeOnly));
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      specifier = statement.moduleSpecifier;
      typeOnly = statement.isTypeOnly;
    }
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const target = resolveImport(file, specifier.text);
    if (target && /\.tsx?$/.test(target)) edges.push({ target, typeOnly });
  }
  // Dynamic import('./x.js') is a run-time edge too.
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const target = resolveImport(file, node.arguments[0].text);
      if (target && /\.tsx?$/.test(target)) edges.push({ target, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

function importGraph(files: string[], options: { withTypes: boolean }): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(file)
      .filter((edge) => options.withTypes || !edge.typeOnly)
      .map((edge) => edge.target);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each strongly connected group of two or more modules (Tarjan), plus any module importing itself. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the detector itself)', () => {
    const graph = new Map([
      ['handlers/public-api.ts', ['wiring/public-deps.ts']],
      ['wiring/public-deps.ts', ['handlers/public-api.ts', 'core/ports.ts']],
      ['core/ports.ts', []],
    ]);
    expect(cyclesOf(graph)).toEqual([['handlers/public-api.ts', 'wiring/public-deps.ts']]);
    expect(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('tells type-only imports from run-time ones', () => {
    const file = join(ROOT, 'functions/wiring/public-deps.ts');
    const named = (withTypes: boolean) =>
      importGraph([file], { withTypes })
        .get(file)!
        .map((target) => relative(ROOT, target));
    // `import type { Deps } from '../core/ports.js'`: a type edge only.
    expect(named(true)).toContain('functions/core/ports.ts');
    expect(named(false)).not.toContain('functions/core/ports.ts');
    expect(named(false)).toContain('functions/wiring/config.ts');
  });

  const files = SOURCE_FOLDERS.flatMap(sourceFiles);
  const named = (groups: string[][]) =>
    groups.map((group) => group.map((file) => relative(ROOT, file)).join(' <-> '));

  it('no module of the app imports itself through others at run time', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(named(cyclesOf(importGraph(files, { withTypes: false })))).toEqual([]);
  });

  it('handlers, wiring, adapters and the local stack import each other in one direction, types included', () => {
    // Inside functions/core, ports.ts gathers types the use cases declare (a type-only loop that is gone
    // at run time, checked above); everywhere else even a type import means the layers are tangled.
    const outsideCore = cyclesOf(importGraph(files, { withTypes: true })).filter(
      (group) => !group.every((file) => relative(ROOT, file).startsWith('functions/core/')),
    );
    expect(named(outsideCore)).toEqual([]);
  });
});
