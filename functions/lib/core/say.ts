import type { FlowConfig } from './flow-config';
import { fillTemplate, type MessageKey } from './messages';

export function say(config: FlowConfig, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fillTemplate(config.messages[key], values);
}
