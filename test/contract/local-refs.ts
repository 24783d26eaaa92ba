// Resolves a document's local $refs ("#/components/…", JSON Pointer escapes ~0 and ~1 included)
// in place. Shared targets stay shared and cycles stay cycles: openapi-backend breaks cycles
// itself before compiling. Anything but a local ref is refused, since these specs have none.
import { isJsonObject } from './spec-files';

function isRef(node: unknown): node is { $ref: string } {
  return isJsonObject(node) && typeof node.$ref === 'string';
}

function pointAt(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not ${ref}`);
  let node = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: unknown = isJsonObject(node) || Array.isArray(node) ? Reflect.get(node, key) : undefined;
    if (next === undefined) throw new Error(`$ref ${ref} points at nothing`);
    node = next;
  }
  return node;
}

export function dereferenceLocal<T extends object>(root: T): T {
  const visited = new Set<object>();
  const target = (ref: string): unknown => {
    const chain = new Set<string>();
    let node = pointAt(root, ref);
    while (isRef(node)) {
      if (chain.has(node.$ref)) throw new Error(`$ref ${ref} loops`);
      chain.add(node.$ref);
      node = pointAt(root, node.$ref);
    }
    return node;
  };
  const visit = (node: unknown): unknown => {
    if (isRef(node)) return visit(target(node.$ref));
    if (typeof node !== 'object' || node === null || visited.has(node)) return node;
    visited.add(node);
    for (const key of Object.keys(node)) Reflect.set(node, key, visit(Reflect.get(node, key)));
    return node;
  };
  visit(root);
  return root;
}
