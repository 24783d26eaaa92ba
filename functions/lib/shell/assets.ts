/// <reference types="@twilio-labs/serverless-runtime-types" />
/**
 * Reads a JSON asset through the runtime, which maps `/roster.json` to the deployed
 * `roster.private.json` both in Twilio's cloud and under twilio-run.
 */
export function readJsonAsset(assetPath: string): unknown {
  const asset = Runtime.getAssets()[assetPath];
  if (!asset)
    throw new Error(
      `asset ${assetPath} does not exist (deploy assets/${assetPath.replace(/^\//, '').replace(/\.json$/, '')}.private.json)`,
    );
  const text = asset.open();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`asset ${assetPath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
