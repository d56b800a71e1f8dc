// Who a person is to the bot, and the groups of roles that commands are open to. The one
// place these are spelled out.
export const roles = ['citizen', 'official', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Everyone who talks to the bot. */
export const everyone: readonly Role[] = roles;
/** The commune's people: officials, the leadership and operators. */
export const staff: readonly Role[] = ['official', 'manager', 'admin'];
/** Officials at the desk (and operators standing in for them). */
export const deskOfficials: readonly Role[] = ['official', 'admin'];
/** People who own criteria and report on them. */
export const criterionOwners: readonly Role[] = ['official', 'manager'];
/** The leadership and operators. */
export const leadership: readonly Role[] = ['manager', 'admin'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
