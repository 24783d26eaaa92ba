/** The file in the project that a private asset is deployed from: /roster.json is assets/roster.private.json. */
export function fileOf(assetPath: string): string {
  return `assets/${assetPath.replace(/^\//, '').replace(/\.json$/, '')}.private.json`;
}
