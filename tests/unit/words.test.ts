import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseSfc } from 'vue/compiler-sfc';
import ts from 'typescript';

// Issue 19, words: on screen and in what the app writes for people to read, the app says "young person"
// (home-educated young people are nobody's pupils). "Pupil" stays only where the school's own term is meant.
// This reads the words a person can see — template text, static attributes, and string literals with a space
// in them or a capital first (prose and labels, not ids, routes or field names) — from the renderer,
// shared/ and electron/, and fails on "pupil".

const root = join(__dirname, '..', '..');

/** The school's own terms, and "pupil-level", the DfE's name for a record-by-record extract, which the returns keep. */
const SCHOOL_TERMS = [/unique pupil number/gi, /pupil premium/gi, /pupil number/gi, /pupil-level/gi, /pupil referral unit/gi];

/** Static attributes that hold ids, addresses and other machine words, never prose. */
const MACHINE_ATTRIBUTES = [
  /^(id|class|for|name|ref|key|to|href|type|role|style|value|autocomplete|accept|tabindex|slot)$/,
  /^(data-|aria-(labelledby|describedby|controls))/,
  /testid$/,
];

const PUPIL = /\bpupils?\b/i;

interface Finding {
  file: string;
  text: string;
}

/** The prose of one string, with school terms taken out; null when it holds no "pupil" to worry about. */
function offending(text: string): string | null {
  let rest = text;
  for (const term of SCHOOL_TERMS) rest = rest.replace(term, '');
  return PUPIL.test(rest) ? text.trim() : null;
}

/** Strings in TypeScript source that read as words: literals and the fixed parts of template literals, with a space. */
function tsProse(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    // An import field's aliases are the column headings a school's MIS writes ("Pupil UPN"), matched as they are.
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'aliases') return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // Prose has a space in it; a single word shown as a heading or label starts with a capital ("Pupils").
      if (/\s/.test(node.text.trim()) || /^[A-Z]/.test(node.text)) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

interface TemplateNode {
  type: number;
  content?: unknown;
  name?: string;
  value?: { content: string };
  exp?: { content: string };
  props?: TemplateNode[];
  children?: TemplateNode[];
  branches?: TemplateNode[];
}

/** A template's words: text, static attributes that a person reads, and the prose inside its expressions. */
function templateProse(node: TemplateNode, fileName: string, found: string[]): void {
  // Vue's node types: 2 text, 5 interpolation, 6 attribute, 7 directive.
  if (node.type === 2 && typeof node.content === 'string') found.push(node.content);
  if (node.type === 5 && typeof node.content === 'object' && node.content !== null) {
    const expression = (node.content as { content?: unknown }).content;
    if (typeof expression === 'string') found.push(...tsProse(`(${expression})`, fileName));
  }
  for (const prop of node.props ?? []) {
    if (prop.type === 6 && prop.value && prop.name && !MACHINE_ATTRIBUTES.some((m) => m.test(prop.name ?? '')))
      found.push(prop.value.content);
    if (prop.type === 7 && prop.exp) found.push(...tsProse(`(${prop.exp.content})`, fileName));
  }
  for (const child of [...(node.children ?? []), ...(node.branches ?? [])]) templateProse(child, fileName, found);
}

/** The words a person can read in one file of the renderer or shared/. */
function proseOf(fileName: string, source: string): string[] {
  if (!fileName.endsWith('.vue')) return tsProse(source, fileName);
  const { descriptor } = parseSfc(source, { filename: fileName });
  const found: string[] = [];
  if (descriptor.template?.ast) templateProse(descriptor.template.ast as unknown as TemplateNode, fileName, found);
  for (const block of [descriptor.script, descriptor.scriptSetup]) if (block) found.push(...tsProse(block.content, fileName));
  return found;
}

function findPupil(fileName: string, source: string): Finding[] {
  return proseOf(fileName, source).flatMap((text) => {
    const words = offending(text);
    return words === null ? [] : [{ file: fileName, text: words }];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the words a person reads', () => {
  it('says "young person", not "pupil", everywhere in the renderer, shared/ and electron/ outside school terms', () => {
    // The desktop app's menus and save dialogs are read too.
    const files = [...sourceFiles('renderer/src'), ...sourceFiles('shared'), ...sourceFiles('electron')];
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((file) => findPupil(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8')));
    expect(findings).toEqual([]);
  });

  it('finds a "Pupil" planted in a template, an attribute, an expression or a script string', () => {
    const planted = `<script setup lang="ts">
const note = 'Choose a pupil first';
const id = 'pupil-search';
</script>
<template>
  <h1>Pupils</h1>
  <p>Open the young person's page.</p>
  <input id="pupil-name" aria-label="Pupil name" :title="\`Edit \${pupil.name}\`" />
  <span>{{ ready ? 'Back to pupils' : pupil.id }}</span>
  <label>UPN (unique pupil number)</label>
  <span>Pupil premium</span>
</template>`;
    expect(findPupil('Planted.vue', planted).map((f) => f.text)).toEqual([
      'Pupils',
      'Pupil name',
      'Back to pupils',
      'Choose a pupil first',
    ]);
  });

  it('finds "pupil" in the prose of a TypeScript file, and leaves ids, imports and code alone', () => {
    const planted = `import { pupilSchema } from './pupils/form';
export const message = \`\${count} pupils could not be read\`;
export const field = { id: 'upn', label: 'UPN', aliases: ['Pupil UPN'] };
const key = \`pupil-\${id}\`;
const field = 'pupilId';
const heading = 'Pupils';`;
    expect(findPupil('planted.ts', planted).map((f) => f.text)).toEqual(['pupils could not be read', 'Pupils']);
  });
});
