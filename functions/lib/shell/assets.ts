/// <reference types="@twilio-labs/serverless-runtime-types" />
import type { AssetResourceMap } from '@twilio-labs/serverless-runtime-types/types';

/**
 * Reads a JSON asset through the runtime, which maps `/roster.json` to the deployed
 * `roster.private.json` both in Twilio's cloud and under twilio-run. `npm run doctor` passes the
 * assets a deploy would ship instead, having no runtime.
 */
export function readJsonAsset(assetPath: string, assets: AssetResourceMap = Runtime.getAssets()): unknown {
  const asset = assets[assetPath];
  if (!asset)
    throw new Error(
      `asset ${assetPath} does not exist (deploy assets/${assetPath.replace(/^\//, '').replace(/\.json$/, '')}.private.json)`,
    );
  const text = asset.open();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`asset ${assetPath} is not valid JSON: ${jsonProblem(error)}`);
  }
}

/**
 * V8's message, on one line and without the raw excerpt it sometimes quotes ("Unexpected token
 * ']', ...\"x }\n\" is not valid JSON"): a log line should name the problem, not replay the file.
 */
function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split(/, (?:\.\.\.)?"/)[0]
    .replace(/\s+/g, ' ')
    .trim();
}
