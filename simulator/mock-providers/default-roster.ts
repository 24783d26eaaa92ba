// The roster the mock serves unless told otherwise. Each oddity is deliberate so that a
// call flow's skip rules can be exercised: an override, a user without a phone, a
// phone shared across steps, a policy that is not the team's first, a team with nobody.
import type { MockRoster } from './roster';

export const defaultMockRoster: MockRoster = {
  users: [
    { username: 'alice', firstName: 'Alice', lastName: 'Adams', phones: [{ value: '+15555550101', label: 'Mobile' }] },
    { username: 'bob', firstName: 'Bob', lastName: 'Brown', phones: [{ value: '+15555550102', label: 'Mobile' }] },
    {
      username: 'carol',
      firstName: 'Carol',
      lastName: 'Clark',
      phones: [
        { value: '+15555550103', label: 'Mobile' },
        { value: '+15555550113', label: 'Office' },
      ],
    },
    { username: 'dave', firstName: 'Dave', lastName: 'Davis', phones: [{ value: '+15555550104', label: 'Mobile' }] },
    { username: 'erin', firstName: 'Erin', lastName: 'Evans', phones: [{ value: '+15555550105', label: 'Mobile' }] },
    { username: 'frank', firstName: 'Frank', lastName: 'Fisher', phones: [{ value: '+15555550106', label: 'Mobile' }] },
    { username: 'grace', firstName: 'Grace', lastName: 'Green', phones: [] },
    { username: 'heidi', firstName: 'Heidi', lastName: 'Hill', phones: [{ value: '+15555550108', label: 'Mobile' }] },
    {
      username: 'ivan',
      firstName: 'Ivan',
      lastName: 'Irwin',
      phones: [{ value: '+15555550108', label: 'Shared on-call phone' }],
    },
  ],
  teams: [
    {
      name: 'Platform',
      slug: 'platform',
      policies: [
        {
          name: 'Platform Primary',
          slug: 'pol-platform-primary',
          steps: [
            [{ user: 'alice', rotationName: 'Platform weekly', shiftName: 'Week' }],
            // Bob is scheduled but Dave took the shift: Dave is the one to call.
            [{ user: 'bob', overrideUser: 'dave', rotationName: 'Platform backup', shiftName: 'Week' }],
            [{ user: 'carol', rotationName: 'Platform managers', shiftName: 'Always' }],
            [],
          ],
        },
        {
          name: 'Platform Secondary',
          slug: 'pol-platform-secondary',
          steps: [
            [{ user: 'erin', rotationName: 'Platform secondary', shiftName: 'Day' }],
            [{ user: 'frank', rotationName: 'Platform secondary backup', shiftName: 'Day' }],
            [],
            [],
          ],
        },
      ],
    },
    {
      name: 'Database',
      slug: 'database',
      policies: [
        {
          name: 'Database Primary',
          slug: 'pol-database-primary',
          steps: [
            // Grace has no phone: the flow must skip her.
            [{ user: 'grace', rotationName: 'DBA weekly', shiftName: 'Week' }],
            [{ user: 'heidi', rotationName: 'DBA backup', shiftName: 'Week' }],
            // Ivan shares Heidi's phone: calling it again would ring the same handset.
            [{ user: 'ivan', rotationName: 'DBA escalation', shiftName: 'Week' }],
            [],
          ],
        },
      ],
    },
    {
      name: 'Frontend',
      slug: 'frontend',
      policies: [{ name: 'Frontend Primary', slug: 'pol-frontend-primary', steps: [[], [], [], []] }],
    },
  ],
};
