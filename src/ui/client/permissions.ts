/**
 * Role rules in the page. The server refuses anything the user's role does not allow whatever the
 * page does; the page's part is not to offer it, so nobody is shown a button that can only fail.
 */
import type { CurrentUser, PermissionName } from '../../shared/api';

export function may(user: CurrentUser, permission: PermissionName): boolean {
  return user.permissions.includes(permission);
}
