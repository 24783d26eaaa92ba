// What PagerDuty and Opsgenie would hold after the requests they accepted: their alerts, by the
// key that ties a call's messages together, and the actions the live service would have
// answered with a 202 and then quietly discarded. A request log alone cannot show that an
// acknowledge reached PagerDuty for an alert that never existed. (Splunk On-Call needs no
// ledger: a message for an entity with no incident still stands on its timeline.)

export type IncidentProvider = 'pagerduty' | 'opsgenie';
export type MockIncidentState = 'open' | 'acknowledged' | 'resolved';

export interface MockIncident {
  provider: IncidentProvider;
  /** entity_id, dedup_key or alias: the caller's CallSid. */
  key: string;
  state: MockIncidentState;
  /** False for an Opsgenie alert with no responders: it is visible, but pages nobody. */
  notifies: boolean;
  /** Every action applied to it, in order ("trigger", "acknowledge", "note", …). */
  actions: string[];
}

export interface DiscardedAction {
  provider: IncidentProvider;
  key: string;
  action: string;
  why: string;
}

export interface IncidentLedger {
  /** Opens an incident, or adds to the one still open under `key` (de-duplication). */
  open(provider: IncidentProvider, key: string, action: string, notifies: boolean): void;
  /** Applies an action to the open incident under `key`, or records it as discarded. */
  update(provider: IncidentProvider, key: string, action: string, state?: MockIncidentState): void;
  incidents(): MockIncident[];
  discarded(): DiscardedAction[];
  clear(): void;
}

export function createIncidentLedger(): IncidentLedger {
  let incidents: MockIncident[] = [];
  let discarded: DiscardedAction[] = [];
  const latestUnresolved = (provider: IncidentProvider, key: string): MockIncident | undefined =>
    [...incidents].reverse().find((i) => i.provider === provider && i.key === key && i.state !== 'resolved');

  return {
    open(provider, key, action, notifies) {
      const existing = latestUnresolved(provider, key);
      if (existing) existing.actions.push(action);
      else incidents.push({ provider, key, state: 'open', notifies, actions: [action] });
    },
    update(provider, key, action, state) {
      const existing = latestUnresolved(provider, key);
      if (!existing) {
        discarded.push({ provider, key, action, why: `no open incident has the key ${key}` });
        return;
      }
      existing.actions.push(action);
      if (state) existing.state = state;
    },
    incidents: () => incidents.map((incident) => ({ ...incident, actions: [...incident.actions] })),
    discarded: () => discarded.map((entry) => ({ ...entry })),
    clear() {
      incidents = [];
      discarded = [];
    },
  };
}
