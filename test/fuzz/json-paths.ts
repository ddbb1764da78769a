/** Where a value sits in a JSON value: keys and indices from the root. */
export type JsonPath = Array<string | number>;

/** Every place in a value (objects' keys and arrays' items, depth first), the root excluded. */
export function pathsOf(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

/** Objects in a value (the root first): where a key may be added. */
export function objectsOf(
  value: unknown,
  out: Array<Record<string, unknown>> = [],
): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) objectsOf(item, out);
  else if (value !== null && typeof value === "object") {
    out.push(value as Record<string, unknown>);
    for (const item of Object.values(value)) objectsOf(item, out);
  }
  return out;
}

/** The value with `f` applied to every string in it (keys stay). */
export function mapStrings(value: unknown, f: (text: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, f));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) define(out, key, mapStrings(item, f));
    return out;
  }
  return value;
}

/** Sets an own property (never the `__proto__` setter). */
export function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parentOf(root: unknown, path: JsonPath): { parent: unknown; key: string | number } | undefined {
  let parent = root;
  for (const step of path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return undefined;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  if (parent === null || typeof parent !== "object") return undefined;
  return { parent, key: path[path.length - 1]! };
}

/** Replaces the value at `path` (the whole value when there is no path). */
export function setAt(root: unknown, path: JsonPath | undefined, value: unknown): unknown {
  if (!path || path.length === 0) return value;
  const place = parentOf(root, path);
  if (!place) return value;
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else define(place.parent as Record<string, unknown>, String(place.key), value);
  return root;
}

/** Removes the value at `path`. */
export function deleteAt(root: unknown, path: JsonPath | undefined): unknown {
  if (!path || path.length === 0) return undefined;
  const place = parentOf(root, path);
  if (!place) return root;
  if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
  else delete (place.parent as Record<string, unknown>)[String(place.key)];
  return root;
}

/** Renames the key at `path` (objects only); the value moves with it. */
export function renameAt(root: unknown, path: JsonPath | undefined, name: (key: string) => string): unknown {
  if (!path || path.length === 0) return root;
  const place = parentOf(root, path);
  if (!place || Array.isArray(place.parent)) return root;
  const parent = place.parent as Record<string, unknown>;
  const key = String(place.key);
  const value = parent[key];
  delete parent[key];
  define(parent, name(key), value);
  return root;
}
