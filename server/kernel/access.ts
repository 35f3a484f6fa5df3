import type { Account, AccountStatus } from '../../types/account'
import type { Access } from '../../types/contract'
import { AppError } from '../../types/errors'
import type { ModuleCode } from '../../types/modules'
import type { Identity } from './identity'

export type { Access } from '../../types/contract'

/** What a bound caller in each state is told when the action is not for that state. */
export const STATUS_ERRORS: Record<AccountStatus, AppError['code']> = {
  pending: 'ACCOUNT_PENDING',
  rejected: 'ACCOUNT_REJECTED',
  unbound: 'ACCOUNT_INACTIVE',
  deregistered: 'ACCOUNT_INACTIVE',
  active: 'FORBIDDEN',
}

export function holdsModule(account: Account, module: ModuleCode): boolean {
  return account.role === 'manager' || account.modules.includes(module)
}

/**
 * Returns the project the call acts on (members only). A member names a project only to choose
 * among its own; the choice is checked against the account.
 */
/** OPENIDs of the platform's operators, from the function's environment (never from the call). */
export function isOperator(openid: string): boolean {
  const listed = (process.env.OPERATOR_OPENIDS ?? '').split(',').map((s) => s.trim())
  return openid !== '' && listed.includes(openid)
}

export function authorize(
  access: Access,
  caller: Account | null,
  requestedProjectId: unknown,
  who: Pick<Identity, 'door' | 'openid'> = { door: 'weapp', openid: '' },
  phoneOnly = false,
): string | undefined {
  if (access.kind === 'visitor') {
    if (who.door !== 'visitor') throw new AppError('FORBIDDEN', '仅供电脑端登录使用')
    return undefined
  }
  // A computer that has not signed in may only ask for a code and wait for the phone.
  if (who.door === 'visitor') throw new AppError('NOT_SIGNED_IN')
  if (phoneOnly && who.door === 'pc') throw new AppError('PHONE_ONLY')
  if (access.kind === 'public') return undefined
  if (access.kind === 'operator') {
    if (who.door !== 'weapp' || !isOperator(who.openid))
      throw new AppError('FORBIDDEN', '仅平台运营人员可操作')
    return undefined
  }
  if (!caller) throw new AppError('NOT_BOUND')
  if (access.kind === 'account') {
    if (!access.statuses.includes(caller.status)) throw new AppError(STATUS_ERRORS[caller.status])
    return undefined
  }
  if (caller.status !== 'active') throw new AppError(STATUS_ERRORS[caller.status])
  if (access.roles && !access.roles.includes(caller.role)) throw new AppError('FORBIDDEN')
  if (access.module && !holdsModule(caller, access.module)) throw new AppError('MODULE_NOT_GRANTED')
  const projectId =
    typeof requestedProjectId === 'string' ? requestedProjectId : caller.projectIds[0]
  if (!projectId || !caller.projectIds.includes(projectId)) throw new AppError('FORBIDDEN')
  return projectId
}
