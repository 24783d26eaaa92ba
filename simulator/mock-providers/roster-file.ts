// Loads a roster from JSON for the mock CLI, checking the parts the mock relies on.
import { readFileSync } from 'node:fs';
import type { MockRoster } from './roster';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected an array`);
  return value;
}

function requireString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${where}: expected a non-empty string`);
  return value;
}

export function parseMockRoster(value: unknown): MockRoster {
  if (!isFields(value)) throw new Error('roster: expected an object with teams and users');
  const users = requireArray(value.users, 'roster.users').map((user, index) => {
    const where = `roster.users[${index}]`;
    if (!isFields(user)) throw new Error(`${where}: expected an object`);
    const phones = requireArray(user.phones ?? [], `${where}.phones`).map((phone, phoneIndex) => {
      const phoneWhere = `${where}.phones[${phoneIndex}]`;
      if (!isFields(phone)) throw new Error(`${phoneWhere}: expected an object`);
      return {
        value: requireString(phone.value, `${phoneWhere}.value`),
        ...(typeof phone.label === 'string' ? { label: phone.label } : {}),
        ...(typeof phone.verified === 'boolean' ? { verified: phone.verified } : {}),
      };
    });
    return {
      username: requireString(user.username, `${where}.username`),
      firstName: typeof user.firstName === 'string' ? user.firstName : '',
      lastName: typeof user.lastName === 'string' ? user.lastName : '',
      phones,
    };
  });
  const teams = requireArray(value.teams, 'roster.teams').map((team, index) => {
    const where = `roster.teams[${index}]`;
    if (!isFields(team)) throw new Error(`${where}: expected an object`);
    const policies = requireArray(team.policies, `${where}.policies`).map((policy, policyIndex) => {
      const policyWhere = `${where}.policies[${policyIndex}]`;
      if (!isFields(policy)) throw new Error(`${policyWhere}: expected an object`);
      const steps = requireArray(policy.steps, `${policyWhere}.steps`).map((step, stepIndex) =>
        requireArray(step, `${policyWhere}.steps[${stepIndex}]`).map((entry, entryIndex) => {
          const entryWhere = `${policyWhere}.steps[${stepIndex}][${entryIndex}]`;
          if (!isFields(entry)) throw new Error(`${entryWhere}: expected an object`);
          return {
            user: requireString(entry.user, `${entryWhere}.user`),
            ...(typeof entry.overrideUser === 'string' ? { overrideUser: entry.overrideUser } : {}),
            ...(typeof entry.rotationName === 'string' ? { rotationName: entry.rotationName } : {}),
            ...(typeof entry.shiftName === 'string' ? { shiftName: entry.shiftName } : {}),
          };
        }),
      );
      return {
        name: requireString(policy.name, `${policyWhere}.name`),
        slug: requireString(policy.slug, `${policyWhere}.slug`),
        steps,
      };
    });
    return {
      name: requireString(team.name, `${where}.name`),
      slug: requireString(team.slug, `${where}.slug`),
      policies,
    };
  });
  return { teams, users };
}

export function loadMockRoster(file: string): MockRoster {
  return parseMockRoster(JSON.parse(readFileSync(file, 'utf-8')) as unknown);
}
