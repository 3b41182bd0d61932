import {
  type TInteractionGroup,
  type TInteractionGroupInput,
  ZInteractionGroupInput,
} from '../../../contracts/interaction-groups';
import { type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import type { Audit } from '../../platform/audit/audit.repository';
import type { TxRunner } from '../../platform/db/tx';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors';
import type { InteractionGroupsRepository } from './interaction-groups.repository';

/** Nhóm tương tác: each person manages their own groups; only the owner sees or uses them. */
export class InteractionGroupsService {
  constructor(private readonly d: { tx: TxRunner; repo: InteractionGroupsRepository; audit: Audit }) {}

  list(ctx: RequestContext) {
    return this.d.repo.list(principalOf(signedIn(ctx)));
  }

  async save(ctx: RequestContext, id: string | null, body: TInteractionGroupInput): Promise<TInteractionGroup> {
    const owner = principalOf(signedIn(ctx));
    const input = ZInteractionGroupInput.parse(body);
    const memberIds = [...new Set(input.memberIds)];
    const groupId = id ?? uuidv7();
    await this.d.tx.transaction(async () => {
      const before = id ? await this.d.repo.owned(owner, id) : null;
      if (id && !before) throw new AppError('NOT_FOUND');
      if ((await this.d.repo.countValid(input.kind, memberIds)) !== memberIds.length)
        throw new AppError('VALIDATION_FAILED', { field: 'body.memberIds' });
      await this.d.repo.save({ id: groupId, ownerId: owner, name: input.name, kind: input.kind, memberIds }, !id);
      await this.d.audit.record(ctx, {
        action: id ? 'interactionGroup.update' : 'interactionGroup.create',
        entityType: 'interaction_group',
        entityId: groupId,
        before,
        after: { ...input, memberIds },
      });
    });
    const [group] = await this.d.repo.list(owner, groupId);
    return group;
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const owner = principalOf(signedIn(ctx));
    await this.d.tx.transaction(async () => {
      const before = await this.d.repo.owned(owner, id);
      if (!before) throw new AppError('NOT_FOUND');
      await this.d.repo.remove(id);
      await this.d.audit.record(ctx, {
        action: 'interactionGroup.remove',
        entityType: 'interaction_group',
        entityId: id,
        before,
      });
    });
  }
}
