// JSON Pointer helpers for field paths: a field is addressed by its data pointer (`/customer/email`),
// and lives in the data schema under `properties` (objects) or `items.properties` (repeating groups).

export function toPointer(path: readonly string[]): string {
  return path.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True when `pointer` is `base` or lies below it. */
export function isAtOrBelow(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}
